namespace Patterns.AwsClients.ApiGateway;

/// <summary>A resource's method as API Gateway returns it.</summary>
public sealed record Method
{
    public string HttpMethod { get; init; } = "";

    /// <summary>NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS.</summary>
    public string? AuthorizationType { get; init; }

    /// <summary>The authorizer of a CUSTOM or COGNITO_USER_POOLS method.</summary>
    public string? AuthorizerId { get; init; }

    /// <summary>COGNITO_USER_POOLS: OAuth scopes the access token must carry one of; none = the ID token is checked.</summary>
    public IReadOnlyList<string>? AuthorizationScopes { get; init; }

    public string? OperationName { get; init; }

    public bool? ApiKeyRequired { get; init; }

    public IReadOnlyDictionary<string, bool>? RequestParameters { get; init; }

    public Integration? MethodIntegration { get; init; }
}
