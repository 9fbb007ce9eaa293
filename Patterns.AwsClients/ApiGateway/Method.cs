namespace Patterns.AwsClients.ApiGateway;

/// <summary>A resource's method as API Gateway returns it.</summary>
public sealed record Method
{
    public string HttpMethod { get; init; } = "";

    /// <summary>NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS.</summary>
    public string? AuthorizationType { get; init; }

    public string? AuthorizerId { get; init; }

    public bool? ApiKeyRequired { get; init; }

    public IReadOnlyDictionary<string, bool>? RequestParameters { get; init; }

    public Integration? MethodIntegration { get; init; }
}
