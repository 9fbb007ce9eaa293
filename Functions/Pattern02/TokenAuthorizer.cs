using Functions.Runtime;

namespace Functions.Pattern02;

/// <summary>
/// Pattern 2's Lambda authorizer, <c>Functions::Functions.Pattern02.TokenAuthorizer::HandleAsync</c>
/// (a TOKEN authorizer on the Authorization header): the production version of the workshop's,
/// which accepted any "Bearer " token longer than ten characters. The token must be
/// <c>Bearer &lt;jwt&gt;</c> with a JWT of the user pool USER_POOL_ID issued to APP_CLIENT_ID
/// (see <see cref="CognitoTokenValidator"/>).
/// <para>
/// Outcomes. The workshop answers every bad token with a Deny policy, which API Gateway turns
/// into 403; the pattern's contract is 401 for a missing or bad token. So a token that proves
/// nothing (no Bearer JWT, forged, expired, another issuer, another kind) fails the invocation with
/// exactly "Unauthorized", which API Gateway answers 401 — the only message it treats that way.
/// Deny is kept for what it means: a genuine token of the pool whose holder is not entitled to this
/// API, i.e. one issued to another app client of the pool (403). Allow names the token's user
/// (sub) as principal.
/// </para>
/// <para>
/// The policy covers the whole stage (<c>arn:…:{api}/{stage}/*</c>), not just the method called:
/// API Gateway caches the policy by token for the authorizer's TTL and judges later requests
/// against the cached policy, so a policy naming only <c>GET /products</c> would refuse the same
/// user's <c>POST /products</c> until the entry expired.
/// </para>
/// </summary>
public sealed class TokenAuthorizer
{
    private const string BearerPrefix = "Bearer ";

    private readonly CognitoTokenValidator _validator;

    public TokenAuthorizer()
        : this(TokenAuthorizerSettings.FromEnvironment(Environment.GetEnvironmentVariable), null, TimeProvider.System)
    {
    }

    /// <param name="keys">The pool's keys; null = fetched from the settings' JWKS URL.</param>
    internal TokenAuthorizer(TokenAuthorizerSettings settings, IJsonWebKeySource? keys, TimeProvider time) =>
        _validator = new CognitoTokenValidator(settings, keys ?? new HttpJsonWebKeySource(new HttpClient(), settings.JwksUri), time);

    public async Task<AuthorizerResponse> HandleAsync(TokenAuthorizerRequest request, ILambdaContext context)
    {
        using var timeout = new CancellationTokenSource(context.RemainingTime);
        var token = request.AuthorizationToken ?? "";
        var methodArn = request.MethodArn
            ?? throw new InvalidOperationException("The event has no methodArn; TokenAuthorizer must be invoked by API Gateway as a TOKEN authorizer.");
        var resource = StageWildcard(methodArn);

        if (!token.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return Unauthorized(context, token, "the token is not 'Bearer <jwt>'");
        var validation = await _validator.ValidateAsync(token[BearerPrefix.Length..].Trim(), timeout.Token);
        return validation.Outcome switch
        {
            TokenValidationOutcome.Valid => Decide(context, token, "Allow", validation, resource),
            TokenValidationOutcome.OtherClient => Decide(context, token, "Deny", validation, resource),
            _ => Unauthorized(context, token, validation.Reason),
        };
    }

    private static AuthorizerResponse Decide(ILambdaContext context, string token, string effect, TokenValidation validation, string resource)
    {
        context.Logger.LogLine(effect == "Allow"
            ? $"Authorization decision: {effect} for token length {token.Length}"
            : $"Authorization decision: {effect} for token length {token.Length}: {validation.Reason}");
        return new AuthorizerResponse(
            validation.Subject!,
            new PolicyDocument("2012-10-17", [new PolicyStatement("execute-api:Invoke", effect, resource)]),
            new Dictionary<string, string> { ["authorized"] = effect == "Allow" ? "True" : "False" });
    }

    private static AuthorizerResponse Unauthorized(ILambdaContext context, string token, string reason)
    {
        context.Logger.LogLine($"Authorization decision: Unauthorized for token length {token.Length}: {reason}");
        throw new UnauthorizedAccessException("Unauthorized");
    }

    // arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}/{path} → arn:…:{api}/{stage}/*
    private static string StageWildcard(string methodArn)
    {
        var parts = methodArn.Split('/');
        if (parts.Length < 3 || !parts[0].StartsWith("arn:", StringComparison.Ordinal))
            throw new InvalidOperationException($"The methodArn '{methodArn}' is not an API Gateway method ARN (arn:aws:execute-api:{{region}}:{{account}}:{{api}}/{{stage}}/{{method}}/{{path}}).");
        return $"{parts[0]}/{parts[1]}/*";
    }
}
