using System.Net;
using Patterns.Tests.LocalCloud.ApiGateway;
using Patterns.Tests.Support;

namespace Patterns.Tests.Functions;

/// <summary>
/// Pattern 2's authorizer as API Gateway runs it: a TOKEN authorizer on the Authorization header
/// in front of an integration, with a real Cognito user pool of the local cloud, whose keys the
/// function fetches through the edge.
/// </summary>
[Collection(AuthorizerCloudCollection.Name)]
public sealed class TokenAuthorizerEndToEndTests(AuthorizerCloudFixture fixture)
{
    private const string Handler = "Functions::Functions.Pattern02.TokenAuthorizer::HandleAsync";

    [Fact]
    public async Task A_real_cognito_token_is_allowed_a_missing_or_bad_one_is_401_and_the_policy_is_cached()
    {
        var user = await fixture.Cognito.CreateSignedInUserAsync("ProductsUserPool-" + Guid.NewGuid().ToString("N")[..6]);
        var otherClient = await fixture.Cognito.CreateUserPoolClientAsync(user.PoolId, "OtherApp");
        var (otherClientToken, _) = await fixture.Cognito.SignInAsync(user.PoolId, otherClient, user.Username);
        var function = "TokenAuthorizer-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.CreateFunctionAsync(function, Handler, new
        {
            Environment = new { Variables = new Dictionary<string, string> { ["USER_POOL_ID"] = user.PoolId, ["APP_CLIENT_ID"] = user.ClientId } },
        });
        var apiId = await CreateApiAsync(function);
        var bearer = "Bearer " + user.IdToken;

        var noToken = await SendAsync(HttpMethod.Get, apiId);
        var seedToken = await SendAsync(HttpMethod.Get, apiId, "Bearer myvalidtoken12345");
        var allowed = await SendAsync(HttpMethod.Get, apiId, bearer);
        var cachedGet = await SendAsync(HttpMethod.Get, apiId, bearer);
        var cachedPost = await SendAsync(HttpMethod.Post, apiId, bearer);
        var otherApp = await SendAsync(HttpMethod.Get, apiId, "Bearer " + otherClientToken);

        Assert.Equal((HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}"""), (noToken.Status, noToken.Body));
        Assert.Equal((HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}"""), (seedToken.Status, seedToken.Body));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (allowed.Status, cachedGet.Status, cachedPost.Status));
        Assert.Equal(TestJwt.Payload(user.IdToken).GetProperty("sub").GetString(), allowed.Authorizer.GetProperty("principalId").GetString());
        Assert.Equal("True", allowed.Authorizer.GetProperty("authorized").GetString());
        Assert.Equal("POST", cachedPost.Json.GetProperty("httpMethod").GetString());
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDeniedException"), (otherApp.Status, otherApp.ErrorType));

        // Invoked for the seed's token, the first valid call and the other app's token; the rest came from the cache.
        var decisions = await Poll.UntilAsync(
            async () => (await fixture.LogAsync(function)).Where(line => line.Contains("Authorization decision:", StringComparison.Ordinal)).ToList(),
            lines => lines.Count >= 3,
            TimeSpan.FromSeconds(10),
            "three authorization decisions in the authorizer's log");
        Assert.Collection(
            decisions,
            line => Assert.Contains("Authorization decision: Unauthorized for token length 24: the token is not a JWT", line, StringComparison.Ordinal),
            line => Assert.Contains($"Authorization decision: Allow for token length {bearer.Length}", line, StringComparison.Ordinal),
            line => Assert.Contains("Authorization decision: Deny for token length", line, StringComparison.Ordinal));
    }

    private async Task<string> CreateApiAsync(string authorizerFunction)
    {
        var plane = fixture.ControlPlane;
        var (apiId, rootId) = await plane.CreateRestApiAsync("SecuredProductsAPI-" + Guid.NewGuid().ToString("N")[..6]);
        var authorizerId = await plane.CreateAuthorizerAsync(apiId, new
        {
            name = "JWTAuthorizer",
            type = "TOKEN",
            authorizerUri = RestApiControlPlane.LambdaUri(authorizerFunction),
            identitySource = "method.request.header.Authorization",
            authorizerResultTtlInSeconds = 300,
        });
        var resourceId = await plane.CreateResourceAsync(apiId, rootId, "products");
        foreach (var method in new[] { "GET", "POST" })
        {
            await plane.PutMethodAsync(apiId, resourceId, method, "CUSTOM", authorizerId);
            await plane.PutLambdaProxyAsync(apiId, resourceId, method, fixture.EchoFunction);
        }
        await plane.CreateDeploymentAsync(apiId, "dev");
        return apiId;
    }

    private Task<ApiCall> SendAsync(HttpMethod method, string apiId, string? authorization = null) =>
        ApiCall.SendAsync(fixture.Edge, method, apiId, "/products", authorization is null ? [] : [("Authorization", authorization)]);
}
