using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>
/// CreateAuthorizer's input. TOKEN and REQUEST authorizers call a Lambda function
/// (<see cref="AuthorizerUri"/>); COGNITO_USER_POOLS checks a pool's tokens (<see cref="ProviderARNs"/>).
/// Methods use it with PutMethod's AuthorizationType CUSTOM or COGNITO_USER_POOLS and its AuthorizerId.
/// </summary>
/// <param name="Type">TOKEN, REQUEST or COGNITO_USER_POOLS.</param>
public sealed record CreateAuthorizerRequest([property: JsonIgnore] string RestApiId, string Name, string Type)
{
    /// <summary>COGNITO_USER_POOLS: the user pools' ARNs.</summary>
    [JsonPropertyName("providerARNs")]
    public IReadOnlyList<string>? ProviderARNs { get; init; }

    /// <summary>Optional, free-form (the console writes "custom" for Lambda authorizers).</summary>
    public string? AuthType { get; init; }

    /// <summary>
    /// TOKEN and REQUEST: the function's invocation URI,
    /// arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations.
    /// </summary>
    public string? AuthorizerUri { get; init; }

    /// <summary>A role API Gateway assumes to invoke the authorizer; null = the function's resource policy must allow it.</summary>
    public string? AuthorizerCredentials { get; init; }

    /// <summary>
    /// Where the identity comes from: TOKEN and COGNITO_USER_POOLS one header
    /// (method.request.header.Authorization); REQUEST a comma-separated list of headers,
    /// query strings, stage variables or context values, also the authorizer cache key.
    /// </summary>
    public string? IdentitySource { get; init; }

    /// <summary>TOKEN and COGNITO_USER_POOLS: a regular expression the token must match, else 401 without calling the authorizer.</summary>
    public string? IdentityValidationExpression { get; init; }

    /// <summary>How long a policy is cached, 0–3600 seconds (default 300; 0 turns caching off).</summary>
    public int? AuthorizerResultTtlInSeconds { get; init; }
}
