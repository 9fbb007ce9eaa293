using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Patterns.Tests.Functions;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// COGNITO_USER_POOLS authorizers with real moto user pools and tokens: which tokens pass, what the
/// integration learns of the user, and the 401 for every token that is not the pool's.
/// </summary>
[Collection(AuthorizerCloudCollection.Name)]
public sealed class CognitoAuthorizerTests(AuthorizerCloudFixture fixture)
{
    private const string Unauthorized = """{"message":"Unauthorized"}""";
    private const string AdminScope = "aws.cognito.signin.user.admin";

    [Fact]
    public async Task An_id_token_of_the_pool_reaches_the_integration_with_its_claims_as_strings()
    {
        var user = await fixture.Cognito.CreateSignedInUserAsync(Unique("pool"));
        var apiId = await CreateApiAsync([user.PoolArn], ("/products", "GET", null));

        var raw = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", user.IdToken));
        var bearer = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", "Bearer " + user.IdToken));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (raw.Status, bearer.Status));
        var authorizer = raw.Authorizer;
        Assert.Equal(["claims"], authorizer.EnumerateObject().Select(property => property.Name));
        var claims = authorizer.GetProperty("claims");
        Assert.All(claims.EnumerateObject(), claim => Assert.Equal(JsonValueKind.String, claim.Value.ValueKind));
        Assert.Equal(user.Username, claims.GetProperty("cognito:username").GetString());
        Assert.Equal("id", claims.GetProperty("token_use").GetString());
        Assert.Equal(user.ClientId, claims.GetProperty("aud").GetString());
        Assert.Equal($"https://cognito-idp.us-east-1.amazonaws.com/{user.PoolId}", claims.GetProperty("iss").GetString());
        Assert.Equal(TestJwt.Payload(user.IdToken).GetProperty("sub").GetString(), claims.GetProperty("sub").GetString());
        Assert.Matches(@"^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$", claims.GetProperty("exp").GetString());
        Assert.Equal(TestJwt.Payload(user.IdToken).GetProperty("auth_time").GetRawText(), claims.GetProperty("auth_time").GetString());
    }

    [Fact]
    public async Task The_pools_keys_are_served_through_the_edge_as_cognito_publishes_them()
    {
        var user = await fixture.Cognito.CreateSignedInUserAsync(Unique("pool"));

        using var response = await fixture.Edge.GetAsync($"{user.PoolId}/.well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var jwks = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var header = JsonDocument.Parse(TestJwt.Decode(user.IdToken.Split('.')[0])).RootElement;
        var key = Assert.Single(jwks.RootElement.GetProperty("keys").EnumerateArray(), key => key.GetProperty("kid").GetString() == header.GetProperty("kid").GetString());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
    }

    [Fact]
    public async Task Tokens_that_are_not_valid_tokens_of_the_pool_are_401()
    {
        var user = await fixture.Cognito.CreateSignedInUserAsync(Unique("pool"));
        var otherPool = await fixture.Cognito.CreateSignedInUserAsync(Unique("other"));
        var removedClient = await fixture.Cognito.CreateUserPoolClientAsync(user.PoolId, "removed-app");
        var (removedClientToken, _) = await fixture.Cognito.SignInAsync(user.PoolId, removedClient, user.Username);
        await fixture.Cognito.DeleteUserPoolClientAsync(user.PoolId, removedClient);
        using var ownKey = RSA.Create(2048);
        var apiId = await CreateApiAsync([user.PoolArn], ("/products", "GET", null));

        (string Case, string? Token)[] cases =
        [
            ("no token", null),
            ("not a JWT", "myvalidtoken12345"),
            ("a changed signature", TestJwt.Tamper(user.IdToken)),
            ("signed with another key", TestJwt.Resign(user.IdToken, ownKey)),
            ("issued by another pool", otherPool.IdToken),
            ("issued to an app client the pool no longer has", removedClientToken),
            ("an access token where ID tokens are taken", user.AccessToken),
        ];
        foreach (var (name, token) in cases)
        {
            var call = token is null
                ? await SendAsync(HttpMethod.Get, apiId, "/products")
                : await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", token));
            Assert.True(
                (call.Status, call.Body, call.ErrorType) == (HttpStatusCode.Unauthorized, Unauthorized, "UnauthorizedException"),
                $"A token that is {name} got {call}.");
        }
        var valid = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", user.IdToken));
        Assert.Equal(HttpStatusCode.OK, valid.Status);
    }

    [Fact]
    public async Task A_method_with_scopes_takes_access_tokens_carrying_one_of_them()
    {
        var user = await fixture.Cognito.CreateSignedInUserAsync(Unique("pool"));
        var apiId = await CreateApiAsync([user.PoolArn], ("/products", "GET", [AdminScope, "products/read"]), ("/products", "POST", ["products/write"]));

        var access = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", user.AccessToken));
        var id = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", user.IdToken));
        var missingScope = await SendAsync(HttpMethod.Post, apiId, "/products", ("Authorization", user.AccessToken));

        Assert.Equal(HttpStatusCode.OK, access.Status);
        var claims = access.Authorizer.GetProperty("claims");
        Assert.Equal(("access", AdminScope, user.ClientId), (claims.GetProperty("token_use").GetString(), claims.GetProperty("scope").GetString(), claims.GetProperty("client_id").GetString()));
        Assert.Equal((HttpStatusCode.Unauthorized, Unauthorized), (id.Status, id.Body));
        Assert.Equal((HttpStatusCode.Unauthorized, Unauthorized), (missingScope.Status, missingScope.Body));
    }

    [Fact]
    public async Task An_authorizer_trusting_two_pools_takes_tokens_of_either()
    {
        var first = await fixture.Cognito.CreateSignedInUserAsync(Unique("first"));
        var second = await fixture.Cognito.CreateSignedInUserAsync(Unique("second"), "bob");
        var apiId = await CreateApiAsync([first.PoolArn, second.PoolArn], ("/products", "GET", null));

        var fromFirst = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", first.IdToken));
        var fromSecond = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", second.IdToken));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (fromFirst.Status, fromSecond.Status));
        Assert.Equal("bob", fromSecond.Authorizer.GetProperty("claims").GetProperty("cognito:username").GetString());
    }

    private async Task<string> CreateApiAsync(string[] poolArns, params (string Path, string Method, string[]? Scopes)[] routes)
    {
        var plane = fixture.ControlPlane;
        var (apiId, rootId) = await plane.CreateRestApiAsync(Unique("cognito"));
        var authorizerId = await plane.CreateAuthorizerAsync(apiId, new
        {
            name = "PoolAuthorizer",
            type = "COGNITO_USER_POOLS",
            providerARNs = poolArns,
            identitySource = "method.request.header.Authorization",
        });
        var resources = new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = rootId };
        foreach (var (path, method, scopes) in routes)
        {
            var resourceId = await plane.EnsureResourceAsync(apiId, resources, path);
            await plane.PutMethodAsync(apiId, resourceId, method, "COGNITO_USER_POOLS", authorizerId, authorizationScopes: scopes);
            await plane.PutLambdaProxyAsync(apiId, resourceId, method, fixture.EchoFunction);
        }
        await plane.CreateDeploymentAsync(apiId, "dev");
        return apiId;
    }

    private Task<ApiCall> SendAsync(HttpMethod method, string apiId, string path, params (string Name, string Value)[] headers) =>
        ApiCall.SendAsync(fixture.Edge, method, apiId, path, headers);

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..16];
}
