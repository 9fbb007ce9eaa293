using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// COGNITO_USER_POOLS authorizers: the token in the identity source header (a raw JWT; a
/// "Bearer " prefix is taken off) must be signed (RS256) by one of the authorizer's pools, per the
/// pool's JWKS, be issued by it, not be expired, and name an app client the pool has. A method
/// without authorizationScopes takes ID tokens; one with scopes takes access tokens carrying one of
/// them. Anything else is 401 Unauthorized. Verified claims are cached by token for the TTL;
/// expiry and the method's own requirements are checked on every request.
/// </summary>
internal sealed class CognitoUserPoolAuthorizer(MotoClient moto, ExecutionLog log, TimeProvider time)
{
    private const string BearerPrefix = "Bearer ";
    private static readonly TimeSpan ValidationTimeout = TimeSpan.FromSeconds(1);

    private readonly AuthorizerResultCache<VerifiedToken> _cache = new(time);
    private readonly UserPoolKeys _keys = new(moto);

    public void Invalidate(string apiId) => _cache.Invalidate(apiId);

    public void InvalidateAll() => _cache.InvalidateAll();

    public async Task<AuthorizationOutcome> AuthorizeAsync(ApiAuthorizer authorizer, AuthorizationRequest request, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        if (!IdentitySource.TryParseList(authorizer.IdentitySource, out var sources, out _) || sources is not [{ Kind: IdentitySourceKind.Header } header])
            return Misconfigured(request, authorizer, $"a COGNITO_USER_POOLS authorizer's identitySource must be one method.request.header.<name>; it is '{authorizer.IdentitySource}'");
        var pools = new List<UserPoolArn>();
        foreach (var arn in authorizer.ProviderArns)
        {
            if (!UserPoolArn.TryParse(arn, out var pool))
                return Misconfigured(request, authorizer, $"its providerARNs entry '{arn}' is not a user pool ARN (arn:aws:cognito-idp:{{region}}:{{account}}:userpool/{{poolId}})");
            pools.Add(pool.Value);
        }
        if (pools.Count == 0)
            return Misconfigured(request, authorizer, "it names no user pool in providerARNs");

        if (IdentitySourceReader.Read(header, request) is not { } token)
            return Refuse(request, authorizer, $"the identity source {header} is missing or empty");
        if (token.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            token = token[BearerPrefix.Length..].Trim();

        var key = new AuthorizerCacheKey(request.Api.ApiId, request.Api.Stage, authorizer.Id, token);
        var verified = authorizer.ResultTtlInSeconds > 0 ? _cache.Get(key) : null;
        var cacheHit = verified is not null;
        if (verified is null)
        {
            var generation = _cache.Generation;
            (verified, var problem) = await VerifyAsync(token, pools, cancellationToken).ConfigureAwait(false);
            if (verified is null)
                return Refuse(request, authorizer, problem!);
            _cache.Store(key, verified, authorizer.ResultTtl, generation);
        }

        if (CheckForMethod(verified.Claims, authorizer, scopes) is { } refusal)
            return Refuse(request, authorizer, refusal, cacheHit);
        return AuthorizationOutcome.Allowed(new JsonObject { ["claims"] = CognitoClaims.ToRequestContext(verified.Claims) }, cacheHit);
    }

    /// <summary>Signature, issuer and app client: what does not change while the token lives.</summary>
    private async Task<(VerifiedToken? Token, string? Problem)> VerifyAsync(string token, List<UserPoolArn> pools, CancellationToken cancellationToken)
    {
        if (!JsonWebToken.TryParse(token, out var jwt, out var problem))
            return (null, $"the token is not usable: {problem}");
        if (jwt.HeaderValue("alg") != "RS256")
            return (null, $"the token is signed with '{jwt.HeaderValue("alg")}'; Cognito signs with RS256");
        var issuer = jwt.StringClaim("iss");
        var pool = pools.FirstOrDefault(candidate => string.Equals(candidate.Issuer, issuer, StringComparison.Ordinal));
        if (pool == default)
            return (null, $"the token was issued by '{issuer}', which is none of the authorizer's user pools ({string.Join(", ", pools.Select(p => p.Issuer))})");
        if (jwt.HeaderValue("kid") is not { } keyId || await _keys.FindAsync(pool.PoolId, keyId, cancellationToken).ConfigureAwait(false) is not { } parameters)
            return (null, $"the token's key id '{jwt.HeaderValue("kid")}' is not in the JWKS of user pool {pool.PoolId}");
        using (var rsa = RSA.Create(parameters))
        {
            if (!rsa.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                return (null, $"the token's signature does not verify with user pool {pool.PoolId}'s key '{keyId}'");
        }

        var clientId = jwt.StringClaim("token_use") == "access" ? jwt.StringClaim("client_id") : jwt.StringClaim("aud");
        if (clientId is null)
            return (null, "the token names no app client (aud for ID tokens, client_id for access tokens)");
        if (!await ClientExistsAsync(pool.PoolId, clientId, cancellationToken).ConfigureAwait(false))
            return (null, $"the token was issued to app client '{clientId}', which user pool {pool.PoolId} does not have");
        return (new VerifiedToken(jwt.Payload), null);
    }

    /// <summary>Expiry, token use and scopes: checked on every request, from the cache too.</summary>
    private string? CheckForMethod(JsonElement claims, ApiAuthorizer authorizer, IReadOnlyList<string> scopes)
    {
        if (!claims.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var expiresAt))
            return "the token has no exp claim";
        if (time.GetUtcNow().ToUnixTimeSeconds() >= expiresAt)
            return $"the token expired at {DateTimeOffset.FromUnixTimeSeconds(expiresAt):u}";

        var tokenUse = Text(claims, "token_use");
        if (scopes.Count == 0)
        {
            if (tokenUse != "id")
                return $"the method has no authorizationScopes, so it takes ID tokens; this token's token_use is '{tokenUse}'";
        }
        else
        {
            if (tokenUse != "access")
                return $"the method has authorizationScopes ({string.Join(' ', scopes)}), so it takes access tokens; this token's token_use is '{tokenUse}'";
            var granted = (Text(claims, "scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!scopes.Any(scope => granted.Contains(scope, StringComparer.Ordinal)))
                return $"the access token's scopes ({string.Join(' ', granted)}) include none of the method's authorizationScopes ({string.Join(' ', scopes)})";
        }

        if (!string.IsNullOrEmpty(authorizer.IdentityValidationExpression))
        {
            var audience = Text(claims, "aud") ?? Text(claims, "client_id") ?? "";
            bool matched;
            try
            {
                matched = Regex.IsMatch(audience, $@"\A(?:{authorizer.IdentityValidationExpression})\z", RegexOptions.CultureInvariant, ValidationTimeout);
            }
            catch (Exception exception) when (exception is ArgumentException or RegexMatchTimeoutException)
            {
                return $"the identityValidationExpression '{authorizer.IdentityValidationExpression}' cannot be matched ({exception.Message})";
            }
            if (!matched)
                return $"the token's audience '{audience}' does not match the identityValidationExpression '{authorizer.IdentityValidationExpression}'";
        }
        return null;
    }

    private async Task<bool> ClientExistsAsync(string poolId, string clientId, CancellationToken cancellationToken)
    {
        try
        {
            await moto.CallJsonAsync(
                "cognito-idp",
                "AWSCognitoIdentityProviderService.DescribeUserPoolClient",
                new Dictionary<string, string> { ["UserPoolId"] = poolId, ["ClientId"] = clientId },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MotoCallException exception) when (exception.IsErrorCode("ResourceNotFoundException"))
        {
            return false;
        }
    }

    private AuthorizationOutcome Refuse(AuthorizationRequest request, ApiAuthorizer authorizer, string reason, bool cacheHit = false)
    {
        log.Write(request.Request, $"authorizer '{authorizer.Name}' ({authorizer.Id}, COGNITO_USER_POOLS) refused the request: {reason}; 401.");
        return AuthorizationOutcome.Unauthorized(cacheHit);
    }

    private AuthorizationOutcome Misconfigured(AuthorizationRequest request, ApiAuthorizer authorizer, string problem)
    {
        log.Write(request.Request, $"authorizer '{authorizer.Name}' ({authorizer.Id}, COGNITO_USER_POOLS) could not decide: {problem}. API Gateway answers 500 AuthorizerConfigurationException.");
        return AuthorizationOutcome.ConfigurationError();
    }

    private static string? Text(JsonElement claims, string name) => JsonWebToken.StringProperty(claims, name);
}
