using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Functions.Pattern02;
using Functions.Runtime.Handlers;
using Patterns.Tests.AwsClients;

namespace Patterns.Tests.Functions;

/// <summary>
/// Pattern 2's authorizer in-process, with a user pool key the test holds: which tokens are
/// allowed, denied (403) or refused as "Unauthorized" (401), and what it logs.
/// </summary>
public sealed class TokenAuthorizerTests(SigningKeysFixture keys) : IClassFixture<SigningKeysFixture>
{
    private const string PoolId = "us-east-1_TestPool1";
    private const string ClientId = "app-client-1";
    private const string KeyId = "key-1";
    private const string Issuer = "https://cognito-idp.us-east-1.amazonaws.com/" + PoolId;
    private const string MethodArn = "arn:aws:execute-api:us-east-1:000000000000:api123/dev/GET/products";
    private const string StageResource = "arn:aws:execute-api:us-east-1:000000000000:api123/dev/*";

    private readonly RSA _poolKey = keys.PoolKey;
    private readonly RecordingLambdaContext _context = new("TokenAuthorizer");

    [Fact]
    public async Task A_valid_id_token_is_allowed_on_the_whole_stage_in_the_workshops_shape()
    {
        var token = "Bearer " + Sign(Claims());

        var response = await HandleAsync(token);

        Assert.Equal(
            $$$"""{"principalId":"user-sub-1","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"{{{StageResource}}}"}]},"context":{"authorized":"True"}}""",
            JsonSerializer.Serialize(response, LambdaJson.CreateOptions()));
        Assert.Equal([$"Authorization decision: Allow for token length {token.Length}"], _context.Log.Lines);
    }

    [Fact]
    public async Task A_valid_access_token_is_allowed_by_its_client_id()
    {
        var claims = Claims(tokenUse: "access");
        claims.Remove("aud");
        claims["client_id"] = ClientId;
        claims["scope"] = "aws.cognito.signin.user.admin";

        var response = await HandleAsync("Bearer " + Sign(claims));

        Assert.Equal("Allow", Assert.Single(response.PolicyDocument.Statement).Effect);
    }

    [Fact]
    public async Task A_genuine_token_issued_to_another_app_client_is_denied()
    {
        var token = "Bearer " + Sign(Claims(audience: "another-app"));

        var response = await HandleAsync(token);

        Assert.Equal("user-sub-1", response.PrincipalId);
        Assert.Equal(new PolicyStatement("execute-api:Invoke", "Deny", StageResource), Assert.Single(response.PolicyDocument.Statement));
        Assert.Equal("False", response.Context["authorized"]);
        Assert.StartsWith($"Authorization decision: Deny for token length {token.Length}: the token was issued to app client 'another-app'", Assert.Single(_context.Log.Lines), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> RefusedTokens() => new()
    {
        { "seed", "the token is not a JWT" },
        { "no-bearer", "the token is not 'Bearer <jwt>'" },
        { "empty", "the token is not 'Bearer <jwt>'" },
        { "forged", "the token's signature does not verify" },
        { "tampered", "the token's signature does not verify" },
        { "unknown-key", "the token's key id 'other-key' is not one of the user pool's keys" },
        { "unsigned", "the token is signed with 'none', not RS256" },
        { "expired", "the token expired at" },
        { "other-issuer", "the token was issued by 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool'" },
        { "refresh-use", "the token's token_use is 'refresh'" },
        { "no-sub", "the token has no sub claim" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_token_that_proves_nothing_fails_with_exactly_Unauthorized(string kind, string reason)
    {
        var token = kind switch
        {
            "seed" => "Bearer myvalidtoken12345",
            "no-bearer" => Sign(Claims()),
            "empty" => "",
            "forged" => "Bearer " + TestJwt.Sign(keys.ForgerKey, Header(), Claims()),
            "tampered" => "Bearer " + TestJwt.Tamper(Sign(Claims())),
            "unknown-key" => "Bearer " + TestJwt.Sign(_poolKey, new { kid = "other-key", alg = "RS256" }, Claims()),
            "unsigned" => "Bearer " + TestJwt.Encode(Encoding.UTF8.GetBytes("""{"alg":"none"}""")) + "." + TestJwt.Encode(JsonSerializer.SerializeToUtf8Bytes(Claims())) + ".",
            "expired" => "Bearer " + Sign(Claims(expiresIn: TimeSpan.FromSeconds(-10))),
            "other-issuer" => "Bearer " + Sign(Claims(issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool")),
            "refresh-use" => "Bearer " + Sign(Claims(tokenUse: "refresh")),
            "no-sub" => "Bearer " + Sign(Claims(subject: null)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown case"),
        };

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => HandleAsync(token));

        // API Gateway answers 401 only for this exact message; anything else would be a 500.
        Assert.Equal("Unauthorized", error.Message);
        Assert.StartsWith($"Authorization decision: Unauthorized for token length {token.Length}: {reason}", Assert.Single(_context.Log.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_expires_at_its_exp_second()
    {
        var claims = Claims();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((long)claims["exp"]!);
        var token = "Bearer " + Sign(claims);

        var justBefore = await HandleAsync(token, new FixedTimeProvider(expiresAt.AddSeconds(-1)));
        var atExpiry = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => HandleAsync(token, new FixedTimeProvider(expiresAt)));

        Assert.Equal("Allow", Assert.Single(justBefore.PolicyDocument.Statement).Effect);
        Assert.Equal("Unauthorized", atExpiry.Message);
    }

    [Fact]
    public void Settings_come_from_the_environment_with_the_keys_on_the_local_endpoint_when_one_is_set()
    {
        var variables = new Dictionary<string, string>
        {
            ["USER_POOL_ID"] = "eu-west-1_Abc",
            ["APP_CLIENT_ID"] = "client-9",
            ["AWS_REGION"] = "us-east-1",
        };

        var inAws = TokenAuthorizerSettings.FromEnvironment(name => variables.GetValueOrDefault(name));
        variables["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566/";
        var local = TokenAuthorizerSettings.FromEnvironment(name => variables.GetValueOrDefault(name));
        variables["AWS_ENDPOINT_URL_COGNITO_IDP"] = "http://127.0.0.1:9229";
        var serviceSpecific = TokenAuthorizerSettings.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.Equal(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc/.well-known/jwks.json"), inAws.JwksUri);
        Assert.Equal(new Uri("http://127.0.0.1:4566/eu-west-1_Abc/.well-known/jwks.json"), local.JwksUri);
        Assert.Equal(new Uri("http://127.0.0.1:9229/eu-west-1_Abc/.well-known/jwks.json"), serviceSpecific.JwksUri);
        Assert.All([inAws, local, serviceSpecific], settings =>
        {
            Assert.Equal("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc", settings.Issuer);
            Assert.Equal("client-9", settings.AppClientId);
        });
    }

    [Theory]
    [InlineData("USER_POOL_ID")]
    [InlineData("APP_CLIENT_ID")]
    public void A_missing_setting_is_named(string missing)
    {
        var variables = new Dictionary<string, string> { ["USER_POOL_ID"] = PoolId, ["APP_CLIENT_ID"] = ClientId };
        variables.Remove(missing);

        var error = Assert.Throws<InvalidOperationException>(() => TokenAuthorizerSettings.FromEnvironment(name => variables.GetValueOrDefault(name)));

        Assert.Contains($"The environment variable {missing} is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jwks_is_fetched_once_and_a_failed_fetch_is_tried_again()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.ServiceUnavailable, "{}")
            .Reply(HttpStatusCode.OK, TestJwt.Jwks(_poolKey, KeyId));
        using var http = new HttpClient(handler);
        var jwksUri = new Uri("http://cognito.test/us-east-1_TestPool1/.well-known/jwks.json");
        var source = new HttpJsonWebKeySource(http, jwksUri);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => source.GetKeysAsync(CancellationToken.None));
        var first = await source.GetKeysAsync(CancellationToken.None);
        var second = await source.GetKeysAsync(CancellationToken.None);

        Assert.Contains("answered 503", failure.Message, StringComparison.Ordinal);
        Assert.Equal([jwksUri, jwksUri], handler.Requests.Select(request => request.Uri));
        Assert.Same(first, second);
        Assert.Equal(_poolKey.ExportParameters(false).Modulus, first[KeyId].Modulus);
    }

    private async Task<AuthorizerResponse> HandleAsync(string token, TimeProvider? time = null)
    {
        var settings = new TokenAuthorizerSettings(PoolId, ClientId, new Uri("http://unused.test/jwks.json"), Issuer);
        var keys = new StaticJsonWebKeySource(new Dictionary<string, RSAParameters> { [KeyId] = _poolKey.ExportParameters(false) });
        var authorizer = new TokenAuthorizer(settings, keys, time ?? TimeProvider.System);
        return await authorizer.HandleAsync(new TokenAuthorizerRequest("TOKEN", token, MethodArn), _context);
    }

    private string Sign(Dictionary<string, object?> claims) => TestJwt.Sign(_poolKey, Header(), claims);

    private static object Header() => new { kid = KeyId, alg = "RS256", typ = "JWT" };

    private static Dictionary<string, object?> Claims(
        string tokenUse = "id", string audience = ClientId, string issuer = Issuer, string? subject = "user-sub-1", TimeSpan? expiresIn = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["token_use"] = tokenUse,
            ["iat"] = now,
            ["exp"] = now + (long)(expiresIn ?? TimeSpan.FromHours(1)).TotalSeconds,
            ["cognito:username"] = "alice",
        };
        if (subject is not null)
            claims["sub"] = subject;
        return claims;
    }
}
