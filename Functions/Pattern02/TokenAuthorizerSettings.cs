namespace Functions.Pattern02;

/// <summary>
/// Which user pool and app client the authorizer trusts, and where the pool's keys are published.
/// </summary>
/// <param name="JwksUri">The pool's JWKS: {endpoint}/{poolId}/.well-known/jwks.json.</param>
/// <param name="Issuer">The iss of the pool's tokens: https://cognito-idp.{region}.amazonaws.com/{poolId}.</param>
internal sealed record TokenAuthorizerSettings(string UserPoolId, string AppClientId, Uri JwksUri, string Issuer)
{
    /// <summary>
    /// From USER_POOL_ID and APP_CLIENT_ID; the keys come from AWS_ENDPOINT_URL_COGNITO_IDP or
    /// AWS_ENDPOINT_URL when set (a local cloud), else Cognito's regional endpoint. The issuer always
    /// names Cognito's endpoint in the pool's region (the prefix of its id), as Cognito writes it.
    /// </summary>
    public static TokenAuthorizerSettings FromEnvironment(Func<string, string?> environment)
    {
        var poolId = Required(environment, "USER_POOL_ID", "the id of the Cognito user pool whose tokens are accepted, e.g. us-east-1_AbCdEf123");
        var clientId = Required(environment, "APP_CLIENT_ID", "the id of the app client the tokens must be issued to");
        var separator = poolId.IndexOf('_', StringComparison.Ordinal);
        var region = separator > 0 ? poolId[..separator] : environment("AWS_REGION")
            ?? throw new InvalidOperationException($"USER_POOL_ID '{poolId}' has no region prefix and AWS_REGION is not set; set USER_POOL_ID to the pool's id as Cognito shows it ({{region}}_{{id}}).");

        var endpoint = NonEmpty(environment("AWS_ENDPOINT_URL_COGNITO_IDP")) ?? NonEmpty(environment("AWS_ENDPOINT_URL")) ?? $"https://cognito-idp.{region}.amazonaws.com";
        if (!Uri.TryCreate($"{endpoint.TrimEnd('/')}/{Uri.EscapeDataString(poolId)}/.well-known/jwks.json", UriKind.Absolute, out var jwksUri))
            throw new InvalidOperationException($"The Cognito endpoint '{endpoint}' is not an absolute URL; fix AWS_ENDPOINT_URL_COGNITO_IDP or AWS_ENDPOINT_URL.");
        return new TokenAuthorizerSettings(poolId, clientId, jwksUri, $"https://cognito-idp.{region}.amazonaws.com/{poolId}");
    }

    private static string Required(Func<string, string?> environment, string name, string what) =>
        NonEmpty(environment(name)) ?? throw new InvalidOperationException($"The environment variable {name} is not set; set it to {what}.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
