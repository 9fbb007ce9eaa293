using System.Net;
using System.Text.Json;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// TOKEN and REQUEST authorizers end to end, with real function processes: the authorizer decides
/// as the caller asks (see Functions.Diagnostics.TestAuthorizer) and the integration answers with
/// the proxy event it got. Invocations of the authorizer are counted from its CloudWatch log.
/// </summary>
[Collection(AuthorizerCloudCollection.Name)]
public sealed class LambdaAuthorizerTests(AuthorizerCloudFixture fixture)
{
    private const string Unauthorized = """{"message":"Unauthorized"}""";
    private const string NotAuthorized = """{"Message":"User is not authorized to access this resource"}""";
    private const string ExplicitDeny = """{"Message":"User is not authorized to access this resource with an explicit deny"}""";
    private const string ConfigurationError = """{"message":null}""";

    private static readonly TimeSpan LogDeadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_allowing_token_authorizer_passes_its_principal_and_context_to_the_integration()
    {
        var apiId = await CreateApiAsync(TokenAuthorizer(), ("/products", "GET"));

        var call = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", Token("allow")));

        Assert.Equal(HttpStatusCode.OK, call.Status);
        var authorizer = call.Authorizer;
        Assert.Equal(["decision", "authorizerRequestId", "number", "flag", "principalId", "integrationLatency"], authorizer.EnumerateObject().Select(p => p.Name));
        Assert.Equal("allow", authorizer.GetProperty("decision").GetString());
        // REST APIs give context values to the integration as strings.
        Assert.Equal("42", authorizer.GetProperty("number").GetString());
        Assert.Equal("true", authorizer.GetProperty("flag").GetString());
        Assert.Equal("user-allow", authorizer.GetProperty("principalId").GetString());
        Assert.True(authorizer.GetProperty("integrationLatency").GetInt64() >= 0);
        var invocations = await InvocationsAsync(apiId, 1);
        Assert.Contains($"TestAuthorizer TOKEN arn:aws:execute-api:us-east-1:000000000000:{apiId}/dev/GET/products decision=allow", Assert.Single(invocations), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_empty_token_or_one_failing_the_validation_expression_is_401_without_invoking()
    {
        var apiId = await CreateApiAsync(TokenAuthorizer(), ("/products", "GET"));
        // moto 5.2.1 drops identityValidationExpression given to CreateAuthorizer; UpdateAuthorizer keeps it.
        var authorizerId = Assert.Single(await fixture.ControlPlane.GetAuthorizerIdsAsync(apiId));
        await fixture.ControlPlane.UpdateAuthorizerAsync(apiId, authorizerId, ("/identityValidationExpression", @"allow(\..+)?"));

        var missing = await SendAsync(HttpMethod.Get, apiId, "/products");
        var blank = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", "   "));
        var invalid = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", Token("deny")));
        var notWhole = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", "x" + Token("allow")));
        var valid = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", Token("allow")));

        foreach (var refused in new[] { missing, blank, invalid, notWhole })
        {
            Assert.Equal((HttpStatusCode.Unauthorized, Unauthorized, "UnauthorizedException"), (refused.Status, refused.Body, refused.ErrorType));
        }
        Assert.Equal(HttpStatusCode.OK, valid.Status);
        // Log lines arrive in invocation order: once the valid call's line is there, no earlier one is missing.
        Assert.Contains("decision=allow", Assert.Single(await InvocationsAsync(apiId, 1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deny_policies_and_policies_for_other_methods_are_403_and_wildcards_allow()
    {
        var apiId = await CreateApiAsync(TokenAuthorizer(), ("/products", "GET"), ("/products/{id}", "GET"));

        var denied = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", Token("deny")));
        var otherMethod = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", Token("other-method")));
        var stageWide = await SendAsync(HttpMethod.Get, apiId, "/products/42", ("Authorization", Token("allow-stage")));

        Assert.Equal((HttpStatusCode.Forbidden, ExplicitDeny, "AccessDeniedException"), (denied.Status, denied.Body, denied.ErrorType));
        Assert.Equal((HttpStatusCode.Forbidden, NotAuthorized, "AccessDeniedException"), (otherMethod.Status, otherMethod.Body, otherMethod.ErrorType));
        Assert.Equal(HttpStatusCode.OK, stageWide.Status);
        Assert.Equal("/products/42", stageWide.Json.GetProperty("path").GetString());
    }

    [Fact]
    public async Task An_authorizer_that_fails_or_answers_badly_is_500_and_one_that_says_Unauthorized_is_401()
    {
        var apiId = await CreateApiAsync(TokenAuthorizer(), ("/products", "GET"));
        var missingFunctionApi = await CreateApiAsync(TokenAuthorizer(function: "NoSuchAuthorizer"), ("/products", "GET"));

        var failed = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", Token("fail")));
        var malformed = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", Token("malformed")));
        var nested = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", Token("nested-context")));
        var missingFunction = await SendAsync(HttpMethod.Get, missingFunctionApi, "/products", ("Authorization", Token("allow")));
        var unauthorized = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", Token("unauthorized")));

        foreach (var error in new[] { failed, malformed, nested, missingFunction })
        {
            Assert.Equal((HttpStatusCode.InternalServerError, ConfigurationError, "AuthorizerConfigurationException"), (error.Status, error.Body, error.ErrorType));
        }
        Assert.Equal((HttpStatusCode.Unauthorized, Unauthorized, "UnauthorizedException"), (unauthorized.Status, unauthorized.Body, unauthorized.ErrorType));
    }

    [Fact]
    public async Task A_cached_policy_is_judged_against_each_method_and_dropped_when_the_api_is_redeployed()
    {
        var apiId = await CreateApiAsync(TokenAuthorizer(ttlSeconds: 300), ("/products", "GET"), ("/products", "POST"));
        var token = Token("allow");

        var first = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", token));
        var second = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", token));
        // The cached policy allows GET /products only, so POST is refused without asking the authorizer again.
        var post = await SendAsync(HttpMethod.Post, apiId, "/products", ("Authorization", token));
        var otherToken = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", Token("allow")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status, otherToken.Status));
        Assert.Equal(RequestIdOf(first), RequestIdOf(second));
        Assert.Equal(0, second.Authorizer.GetProperty("integrationLatency").GetInt64());
        Assert.Equal((HttpStatusCode.Forbidden, NotAuthorized), (post.Status, post.Body));
        Assert.NotEqual(RequestIdOf(first), RequestIdOf(otherToken));
        Assert.Equal(2, (await InvocationsAsync(apiId, 2)).Count);

        await fixture.ControlPlane.CreateDeploymentAsync(apiId, "dev");
        var afterRedeploy = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", token));

        Assert.Equal(HttpStatusCode.OK, afterRedeploy.Status);
        Assert.NotEqual(RequestIdOf(first), RequestIdOf(afterRedeploy));
    }

    [Fact]
    public async Task A_ttl_of_zero_invokes_the_authorizer_for_every_request()
    {
        var apiId = await CreateApiAsync(TokenAuthorizer(ttlSeconds: 0), ("/products", "GET"));
        var token = Token("allow");

        var first = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", token));
        var second = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", token));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.NotEqual(RequestIdOf(first), RequestIdOf(second));
        Assert.Equal(2, (await InvocationsAsync(apiId, 2)).Count);
    }

    [Fact]
    public async Task A_cached_result_expires_after_the_ttl()
    {
        var apiId = await CreateApiAsync(TokenAuthorizer(ttlSeconds: 1), ("/products", "GET"));
        var token = Token("allow");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var first = await SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", token));
        var fresh = await Poll.UntilAsync(
            () => SendAsync(HttpMethod.Get, apiId, "/products", ("Authorization", token)),
            call => call.Status == HttpStatusCode.OK && RequestIdOf(call) != RequestIdOf(first),
            TimeSpan.FromSeconds(10),
            "the authorizer to be invoked again once the 1 s TTL ran out");

        // The first result was stored after the clock started, so a fresh one cannot come sooner than the TTL.
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"the cached result was replaced after {clock.Elapsed.TotalMilliseconds:0} ms, before its 1 s TTL ran out");
        Assert.NotEqual(RequestIdOf(first), RequestIdOf(fresh));
    }

    [Fact]
    public async Task A_request_authorizer_needs_every_identity_source_and_caches_by_all_of_them()
    {
        var apiId = await CreateApiAsync(
            new
            {
                name = "TenantAuthorizer",
                type = "REQUEST",
                authorizerUri = RestApiControlPlane.LambdaUri(fixture.AuthorizerFunction),
                identitySource = "method.request.header.X-Tenant, method.request.querystring.decision",
                authorizerResultTtlInSeconds = 300,
            },
            ("/products", "GET"));
        var decision = Token("allow");

        var noTenant = await SendAsync(HttpMethod.Get, apiId, $"/products?decision={decision}");
        var noDecision = await SendAsync(HttpMethod.Get, apiId, "/products", ("X-Tenant", "acme"));
        var acme = await SendAsync(HttpMethod.Get, apiId, $"/products?decision={decision}", ("X-Tenant", "acme"));
        var acmeAgain = await SendAsync(HttpMethod.Get, apiId, $"/products?decision={decision}", ("X-Tenant", "acme"));
        var globex = await SendAsync(HttpMethod.Get, apiId, $"/products?decision={decision}", ("X-Tenant", "globex"));

        Assert.Equal((HttpStatusCode.Unauthorized, Unauthorized), (noTenant.Status, noTenant.Body));
        Assert.Equal((HttpStatusCode.Unauthorized, Unauthorized), (noDecision.Status, noDecision.Body));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (acme.Status, acmeAgain.Status, globex.Status));
        Assert.Equal("acme", acme.Authorizer.GetProperty("tenant").GetString());
        Assert.Equal("globex", globex.Authorizer.GetProperty("tenant").GetString());
        Assert.Equal(RequestIdOf(acme), RequestIdOf(acmeAgain));
        Assert.NotEqual(RequestIdOf(acme), RequestIdOf(globex));
        var invocations = await InvocationsAsync(apiId, 2);
        Assert.Equal(2, invocations.Count);
        Assert.All(invocations, line => Assert.Contains($"TestAuthorizer REQUEST arn:aws:execute-api:us-east-1:000000000000:{apiId}/dev/GET/products decision=allow", line, StringComparison.Ordinal));
    }

    private object TokenAuthorizer(int ttlSeconds = 300, string? function = null) => new
    {
        name = "TokenAuthorizer",
        type = "TOKEN",
        authorizerUri = RestApiControlPlane.LambdaUri(function ?? fixture.AuthorizerFunction),
        identitySource = "method.request.header.Authorization",
        authorizerResultTtlInSeconds = ttlSeconds,
    };

    private async Task<string> CreateApiAsync(object authorizer, params (string Path, string Method)[] routes)
    {
        var plane = fixture.ControlPlane;
        var (apiId, rootId) = await plane.CreateRestApiAsync("authorized-" + Guid.NewGuid().ToString("N")[..8]);
        var authorizerId = await plane.CreateAuthorizerAsync(apiId, authorizer);
        var resources = new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = rootId };
        foreach (var (path, method) in routes)
        {
            var resourceId = await plane.EnsureResourceAsync(apiId, resources, path);
            await plane.PutMethodAsync(apiId, resourceId, method, "CUSTOM", authorizerId);
            await plane.PutLambdaProxyAsync(apiId, resourceId, method, fixture.EchoFunction);
        }
        await plane.CreateDeploymentAsync(apiId, "dev");
        return apiId;
    }

    private Task<ApiCall> SendAsync(HttpMethod method, string apiId, string path, params (string Name, string Value)[] headers) =>
        ApiCall.SendAsync(fixture.Edge, method, apiId, path, headers);

    /// <summary>The authorizer's invocations on the API once at least <paramref name="atLeast"/> are logged.</summary>
    private Task<List<string>> InvocationsAsync(string apiId, int atLeast) =>
        Poll.UntilAsync(() => fixture.AuthorizerInvocationsAsync(apiId), lines => lines.Count >= atLeast, LogDeadline, $"{atLeast} authorizer invocations logged for API {apiId}");

    // Which authorizer invocation produced the policy the request was judged by.
    private static string RequestIdOf(ApiCall call) => call.Authorizer.GetProperty("authorizerRequestId").GetString()!;

    private static string Token(string decision) => $"{decision}.{Guid.NewGuid():N}";
}
