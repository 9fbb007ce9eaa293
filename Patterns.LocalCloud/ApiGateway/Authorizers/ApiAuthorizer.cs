namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// A REST API's authorizer as CreateAuthorizer stores it: a Lambda authorizer (TOKEN, REQUEST)
/// naming its function in <paramref name="AuthorizerUri"/>, or a COGNITO_USER_POOLS authorizer
/// naming its pools in <paramref name="ProviderArns"/>.
/// </summary>
/// <param name="IdentitySource">
/// Where the caller's identity is read: for TOKEN and COGNITO_USER_POOLS one
/// <c>method.request.header.Name</c>; for REQUEST a comma-separated list of header, query string,
/// stage variable and context expressions (null or empty = none).
/// </param>
/// <param name="IdentityValidationExpression">
/// TOKEN: a regular expression the whole token must match before the function is invoked;
/// COGNITO_USER_POOLS: one the token's audience must match.
/// </param>
/// <param name="ResultTtlInSeconds">How long a result is cached per identity; 0 = not cached.</param>
internal sealed record ApiAuthorizer(
    string Id,
    string Name,
    string Type,
    string? AuthorizerUri,
    string? IdentitySource,
    string? IdentityValidationExpression,
    int ResultTtlInSeconds,
    IReadOnlyList<string> ProviderArns)
{
    public const string Token = "TOKEN";
    public const string Request = "REQUEST";
    public const string CognitoUserPools = "COGNITO_USER_POOLS";

    /// <summary>API Gateway's default result TTL, used when the authorizer does not set one.</summary>
    public const int DefaultResultTtlInSeconds = 300;

    public TimeSpan ResultTtl => TimeSpan.FromSeconds(Math.Max(0, ResultTtlInSeconds));
}
