using System.Net;
using System.Text.Json;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// What time does to authorizers, with the executor's clock moved forward: cached Lambda
/// authorizer results expire after their TTL, and a Cognito token stops being accepted once it
/// expires, even while its verified claims are cached.
/// </summary>
[Collection(InstrumentedExecutorCollection.Name)]
public sealed class AuthorizerClockTests(InstrumentedExecuteApiFixture fixture)
{
    [Fact]
    public async Task A_cached_policy_is_used_until_its_ttl_runs_out()
    {
        var (authorizer, echo) = (Unique("auth"), Unique("echo"));
        fixture.Lambda.Handle(authorizer, invocation => Task.FromResult(FakeLambdaInvoker.Result(AllowPolicy(invocation))));
        fixture.Lambda.Returns(echo, """{"statusCode":200,"body":"ok"}""");
        var apiId = await CreateApiAsync(new
        {
            name = "Clocked",
            type = "TOKEN",
            authorizerUri = RestApiControlPlane.LambdaUri(authorizer),
            identitySource = "method.request.header.Authorization",
            authorizerResultTtlInSeconds = 60,
        }, "CUSTOM", echo);

        await SendAsync(apiId, "token-1");
        fixture.Clock.Advance(TimeSpan.FromSeconds(59));
        await SendAsync(apiId, "token-1");
        var invokedWithinTtl = fixture.Lambda.Received(authorizer).Count;
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterTtl = await SendAsync(apiId, "token-1");

        Assert.Equal(1, invokedWithinTtl);
        Assert.Equal(HttpStatusCode.OK, afterTtl.Status);
        Assert.Equal(2, fixture.Lambda.Received(authorizer).Count);
    }

    [Fact]
    public async Task A_cognito_token_is_refused_once_it_expires_even_from_the_cache()
    {
        var user = await fixture.Cognito.CreateSignedInUserAsync(Unique("pool"));
        var echo = Unique("echo");
        fixture.Lambda.Returns(echo, """{"statusCode":200,"body":"ok"}""");
        var apiId = await CreateApiAsync(new
        {
            name = "Pool",
            type = "COGNITO_USER_POOLS",
            providerARNs = new[] { user.PoolArn },
            identitySource = "method.request.header.Authorization",
            authorizerResultTtlInSeconds = 3600,
        }, "COGNITO_USER_POOLS", echo);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Functions.TestJwt.Payload(user.IdToken).GetProperty("exp").GetInt64());

        var fresh = await SendAsync(apiId, user.IdToken);
        fixture.Clock.Advance(expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        var expired = await SendAsync(apiId, user.IdToken);

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal((HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}"""), (expired.Status, expired.Body));
        Assert.Contains("the token expired at", fixture.LogText);
    }

    private async Task<string> CreateApiAsync(object authorizer, string authorizationType, string integrationFunction)
    {
        var plane = fixture.ControlPlane;
        var (apiId, rootId) = await plane.CreateRestApiAsync(Unique("clocked"));
        var authorizerId = await plane.CreateAuthorizerAsync(apiId, authorizer);
        var resourceId = await plane.CreateResourceAsync(apiId, rootId, "products");
        await plane.PutMethodAsync(apiId, resourceId, "GET", authorizationType, authorizerId);
        await plane.PutLambdaProxyAsync(apiId, resourceId, "GET", integrationFunction);
        await plane.CreateDeploymentAsync(apiId, "dev");
        return apiId;
    }

    private Task<ApiCall> SendAsync(string apiId, string token) =>
        ApiCall.SendAsync(fixture.Edge, HttpMethod.Get, apiId, "/products", ("Authorization", token));

    private static string AllowPolicy(Patterns.LocalCloud.Lambda.InvocationRequest invocation)
    {
        using var authorizerEvent = JsonDocument.Parse(invocation.Payload);
        var methodArn = authorizerEvent.RootElement.GetProperty("methodArn").GetString();
        return $$$"""{"principalId":"user-1","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"{{{methodArn}}}"}]}}""";
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..16];
}
