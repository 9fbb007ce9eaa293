namespace Patterns.AwsClients.ApiGateway;

/// <summary>A method's integration as API Gateway returns it.</summary>
public sealed record Integration
{
    /// <summary>AWS, AWS_PROXY, HTTP, HTTP_PROXY or MOCK.</summary>
    public string? Type { get; init; }

    /// <summary>The integration's HTTP method (POST for Lambda); "httpMethod" on the wire.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("httpMethod")]
    public string? IntegrationHttpMethod { get; init; }

    public string? Uri { get; init; }

    public string? Credentials { get; init; }

    public string? PassthroughBehavior { get; init; }

    public int? TimeoutInMillis { get; init; }

    public IReadOnlyDictionary<string, string>? RequestParameters { get; init; }

    public IReadOnlyDictionary<string, string>? RequestTemplates { get; init; }

    public IReadOnlyList<string>? CacheKeyParameters { get; init; }
}
