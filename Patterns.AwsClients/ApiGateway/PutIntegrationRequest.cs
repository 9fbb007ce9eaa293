using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>
/// PutIntegration's input: sets (or replaces) a method's integration. For a Lambda proxy:
/// Type AWS_PROXY, IntegrationHttpMethod POST, Uri
/// arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations.
/// </summary>
public sealed record PutIntegrationRequest(
    [property: JsonIgnore] string RestApiId,
    [property: JsonIgnore] string ResourceId,
    [property: JsonIgnore] string HttpMethod,
    string Type)
{
    /// <summary>"httpMethod" on the wire (the method path parameter has the same name).</summary>
    [JsonPropertyName("httpMethod")]
    public string? IntegrationHttpMethod { get; init; }

    public string? Uri { get; init; }

    public string? Credentials { get; init; }

    public string? PassthroughBehavior { get; init; }

    public int? TimeoutInMillis { get; init; }

    public IReadOnlyDictionary<string, string>? RequestParameters { get; init; }

    public IReadOnlyDictionary<string, string>? RequestTemplates { get; init; }

    public string? ContentHandling { get; init; }
}
