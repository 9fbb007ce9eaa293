using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// What the executor gives a Lambda authorizer and records about it, with a fake Lambda that
/// keeps every invocation: the TOKEN and REQUEST events byte for byte, and the Authorizer span
/// between the request's span and the authorizer function's invoke.
/// </summary>
[Collection(InstrumentedExecutorCollection.Name)]
public sealed class AuthorizerTracingTests(InstrumentedExecuteApiFixture fixture)
{
    private static readonly TimeSpan SpanDeadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_authorizer_span_sits_between_the_request_span_and_the_authorizer_invoke()
    {
        var (authorizer, echo) = (Unique("auth"), Unique("echo"));
        fixture.Lambda.Handle(authorizer, invocation => Task.FromResult(FakeLambdaInvoker.Result(Policy(invocation, TokenOf(invocation) == "deny-me" ? "Deny" : "Allow"))));
        fixture.Lambda.Returns(echo, """{"statusCode":200,"body":"ok"}""");
        var apiId = await CreateApiAsync("TOKEN", "method.request.header.Authorization", authorizer, echo);

        var allowed = await SendAsync(apiId, "/products/42", ("Authorization", "token-1"));
        var cached = await SendAsync(apiId, "/products/42", ("Authorization", "token-1"));
        var denied = await SendAsync(apiId, "/products/42", ("Authorization", "deny-me"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden), (allowed.Status, cached.Status, denied.Status));
        var spans = await Poll.UntilAsync(
            () => Task.FromResult(SpansOf(apiId)),
            found => found.Count(span => span.DisplayName == "Authorizer") == 3 && found.Count(span => span.Kind == ActivityKind.Server) == 3,
            SpanDeadline,
            "three request spans, each with its Authorizer span");
        var requests = spans.Where(span => span.Kind == ActivityKind.Server).OrderBy(span => span.StartTimeUtc).ToArray();
        var authorizations = requests.Select(request => Assert.Single(spans, span => span.DisplayName == "Authorizer" && span.ParentSpanId == request.SpanId)).ToArray();

        Assert.All(authorizations, span =>
        {
            Assert.Equal(ActivityKind.Internal, span.Kind);
            Assert.Equal("TestTokenAuthorizer", span.GetTagItem("aws.api_gateway.authorizer.name"));
            Assert.Equal("TOKEN", span.GetTagItem("aws.api_gateway.authorizer.type"));
            Assert.Equal($"arn:aws:execute-api:us-east-1:000000000000:{apiId}/dev/GET/products/42", span.GetTagItem("aws.api_gateway.method_arn"));
        });
        Assert.Equal([false, true, false], authorizations.Select(span => (bool)span.GetTagItem("aws.api_gateway.authorizer.cache_hit")!));
        Assert.Equal(["Allow", "Allow", "Deny"], authorizations.Select(span => (string)span.GetTagItem("aws.api_gateway.authorizer.decision")!));

        // The function's invoke is the Authorizer span's child, the integration's the request span's.
        var authorizerInvocations = fixture.Lambda.Received(authorizer);
        Assert.Equal(2, authorizerInvocations.Count);
        Assert.Equal(authorizations[0].SpanId, TraceContext.ToActivityContext(authorizerInvocations[0].TraceHeader)!.Value.SpanId);
        Assert.Equal(authorizations[2].SpanId, TraceContext.ToActivityContext(authorizerInvocations[1].TraceHeader)!.Value.SpanId);
        var integrationInvocations = fixture.Lambda.Received(echo);
        Assert.Equal(requests[..2].Select(span => span.SpanId), integrationInvocations.Select(invocation => TraceContext.ToActivityContext(invocation.TraceHeader)!.Value.SpanId));
        Assert.True(authorizations[0].StartTimeUtc + authorizations[0].Duration <= requests[0].StartTimeUtc + requests[0].Duration);
    }

    [Fact]
    public async Task A_token_authorizer_gets_the_token_and_the_method_arn()
    {
        var (authorizer, echo) = (Unique("auth"), Unique("echo"));
        fixture.Lambda.Handle(authorizer, invocation => Task.FromResult(FakeLambdaInvoker.Result(Policy(invocation, "Allow"))));
        fixture.Lambda.Returns(echo, """{"statusCode":200,"body":"ok"}""");
        var apiId = await CreateApiAsync("TOKEN", "method.request.header.X-Token", authorizer, echo);

        var response = await SendAsync(apiId, "/products/a%20b?q=1", ("X-Token", "Bearer abc.def"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var invocation = Assert.Single(fixture.Lambda.Received(authorizer));
        Assert.Equal(
            $$"""{"type":"TOKEN","authorizationToken":"Bearer abc.def","methodArn":"arn:aws:execute-api:us-east-1:000000000000:{{apiId}}/dev/GET/products/a%20b"}""",
            System.Text.Encoding.UTF8.GetString(invocation.Payload.Span));
    }

    [Fact]
    public async Task A_request_authorizer_gets_the_request_without_its_body_and_the_integration_gets_what_it_allowed()
    {
        var (authorizer, echo) = (Unique("auth"), Unique("echo"));
        fixture.Lambda.Handle(authorizer, invocation => Task.FromResult(FakeLambdaInvoker.Result(Policy(invocation, "Allow", """{"tenant":"acme","tier":3,"beta":false}"""))));
        fixture.Lambda.Returns(echo, """{"statusCode":200,"body":"ok"}""");
        var apiId = await CreateApiAsync("REQUEST", "method.request.header.X-Tenant,method.request.querystring.q", authorizer, echo);

        var response = await SendAsync(apiId, "/products/42?q=1&q=2", ("X-Tenant", "acme"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        using var authorizerEvent = JsonDocument.Parse(Assert.Single(fixture.Lambda.Received(authorizer)).Payload);
        var root = authorizerEvent.RootElement;
        Assert.Equal(
            ["type", "methodArn", "resource", "path", "httpMethod", "headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables", "requestContext"],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("REQUEST", root.GetProperty("type").GetString());
        Assert.Equal($"arn:aws:execute-api:us-east-1:000000000000:{apiId}/dev/GET/products/42", root.GetProperty("methodArn").GetString());
        Assert.Equal("/products/{id}", root.GetProperty("resource").GetString());
        Assert.Equal("acme", root.GetProperty("headers").GetProperty("X-Tenant").GetString());
        Assert.Equal("2", root.GetProperty("queryStringParameters").GetProperty("q").GetString());
        Assert.Equal("42", root.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.False(root.GetProperty("requestContext").TryGetProperty("authorizer", out _));
        Assert.Equal(apiId, root.GetProperty("requestContext").GetProperty("apiId").GetString());

        using var proxyEvent = JsonDocument.Parse(Assert.Single(fixture.Lambda.Received(echo)).Payload);
        var requestContext = proxyEvent.RootElement.GetProperty("requestContext");
        Assert.Equal(["resourceId", "authorizer", "resourcePath"], requestContext.EnumerateObject().Take(3).Select(property => property.Name));
        var passed = requestContext.GetProperty("authorizer");
        Assert.Equal(["tenant", "tier", "beta", "principalId", "integrationLatency"], passed.EnumerateObject().Select(property => property.Name));
        Assert.Equal(
            ("acme", "3", "false", "user-1"),
            (passed.GetProperty("tenant").GetString(), passed.GetProperty("tier").GetString(), passed.GetProperty("beta").GetString(), passed.GetProperty("principalId").GetString()));
        Assert.Equal(JsonValueKind.Number, passed.GetProperty("integrationLatency").ValueKind);
    }

    [Fact]
    public async Task A_request_authorizer_can_name_stage_variables_and_context_variables_as_identity_sources()
    {
        var (authorizer, echo) = (Unique("auth"), Unique("echo"));
        fixture.Lambda.Handle(authorizer, invocation => Task.FromResult(FakeLambdaInvoker.Result(Policy(invocation, "Allow"))));
        fixture.Lambda.Returns(echo, """{"statusCode":200,"body":"ok"}""");
        var apiId = await CreateApiAsync("REQUEST", "stageVariables.tier, context.identity.sourceIp", authorizer, echo);
        await fixture.ControlPlane.CreateDeploymentAsync(apiId, "prod", new Dictionary<string, string> { ["tier"] = "gold" });

        using var withoutVariable = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/products/1");
        var invokedWithoutVariable = fixture.Lambda.Received(authorizer).Count;
        using var withVariable = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/prod/products/1");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutVariable.StatusCode);
        Assert.Equal(0, invokedWithoutVariable);
        Assert.Equal(HttpStatusCode.OK, withVariable.StatusCode);
        using var authorizerEvent = JsonDocument.Parse(Assert.Single(fixture.Lambda.Received(authorizer)).Payload);
        Assert.Equal("gold", authorizerEvent.RootElement.GetProperty("stageVariables").GetProperty("tier").GetString());
    }

    private async Task<string> CreateApiAsync(string type, string identitySource, string authorizerFunction, string integrationFunction)
    {
        var plane = fixture.ControlPlane;
        var (apiId, rootId) = await plane.CreateRestApiAsync(Unique("traced"));
        var authorizerId = await plane.CreateAuthorizerAsync(apiId, new
        {
            name = type == "TOKEN" ? "TestTokenAuthorizer" : "TestRequestAuthorizer",
            type,
            authorizerUri = RestApiControlPlane.LambdaUri(authorizerFunction),
            identitySource,
            authorizerResultTtlInSeconds = 300,
        });
        var resourceId = await plane.EnsureResourceAsync(apiId, new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = rootId }, "/products/{id}");
        await plane.PutMethodAsync(apiId, resourceId, "GET", "CUSTOM", authorizerId);
        await plane.PutLambdaProxyAsync(apiId, resourceId, "GET", integrationFunction);
        await plane.CreateDeploymentAsync(apiId, "dev");
        return apiId;
    }

    private Task<ApiCall> SendAsync(string apiId, string path, params (string Name, string Value)[] headers) =>
        ApiCall.SendAsync(fixture.Edge, HttpMethod.Get, apiId, path, headers);

    private List<Activity> SpansOf(string apiId)
    {
        var spans = fixture.Spans;
        var requests = spans.Where(span => span.Kind == ActivityKind.Server && (string?)span.GetTagItem("aws.api_gateway.rest_api_id") == apiId).ToList();
        return [.. requests, .. spans.Where(span => span.DisplayName == "Authorizer" && requests.Any(request => request.SpanId == span.ParentSpanId))];
    }

    private static string Policy(Patterns.LocalCloud.Lambda.InvocationRequest invocation, string effect, string context = "{}")
    {
        using var authorizerEvent = JsonDocument.Parse(invocation.Payload);
        var methodArn = authorizerEvent.RootElement.GetProperty("methodArn").GetString();
        return $$"""{"principalId":"user-1","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"{{effect}}","Resource":"{{methodArn}}"}]},"context":{{context}}}""";
    }

    private static string? TokenOf(Patterns.LocalCloud.Lambda.InvocationRequest invocation)
    {
        using var authorizerEvent = JsonDocument.Parse(invocation.Payload);
        return authorizerEvent.RootElement.TryGetProperty("authorizationToken", out var token) ? token.GetString() : null;
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20];
}
