using System.Net;
using System.Text.Json;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// How requests reach an API end to end: the invoke URL forms, routing on what moto stores,
/// API Gateway's own answers, the definition cache and what the executor refuses to serve.
/// </summary>
public sealed class ApiRoutingTests(ExecuteApiFixture fixture) : IClassFixture<ExecuteApiFixture>
{
    private const string MissingAuthenticationToken = """{"message":"Missing Authentication Token"}""";
    private const string InternalServerError = """{"message": "Internal server error"}""";

    [Fact]
    public async Task Requests_are_routed_to_the_resource_and_method_api_gateway_would_choose()
    {
        var functions = new[] { "root", "list", "one", "special", "reviews", "proxy", "items-get", "items-any" }
            .ToDictionary(name => name, name => Unique(name));
        foreach (var (name, function) in functions)
            fixture.Lambda.Handle(function, invocation => Task.FromResult(Echo(name, invocation.Payload)));
        var apiId = await fixture.ControlPlane.CreateApiAsync(
            Unique("routes"),
            "dev",
            ("/", "GET", functions["root"]),
            ("/products", "GET", functions["list"]),
            ("/products/{id}", "GET", functions["one"]),
            ("/products/special", "GET", functions["special"]),
            ("/products/{id}/reviews/{proxy+}", "ANY", functions["reviews"]),
            ("/{proxy+}", "ANY", functions["proxy"]),
            ("/items", "GET", functions["items-get"]),
            ("/items", "ANY", functions["items-any"]));

        (string Method, string Path, string Expected)[] cases =
        [
            ("GET", "/", "root /"),
            ("GET", "/products", "list /products"),
            ("GET", "/products/", "list /products"),
            ("GET", "/products/42", "one /products/{id} id=42"),
            ("GET", "/products/special", "special /products/special"),
            ("GET", "/products/a%2Fb", "one /products/{id} id=a%2Fb"),
            ("PATCH", "/products/42/reviews/x/y", "reviews /products/{id}/reviews/{proxy+} id=42 proxy=x/y"),
            ("DELETE", "/anything/else", "proxy /{proxy+} proxy=anything/else"),
            ("POST", "/products", "proxy /{proxy+} proxy=products"),
            ("GET", "/items", "items-get /items"),
            ("PUT", "/items", "items-any /items"),
            ("POST", "/", "403 " + MissingAuthenticationToken),
        ];
        var failures = new List<string>();
        foreach (var (method, path, expected) in cases)
        {
            var response = await RawHttp.SendAsync(fixture.EdgeUrl, method, $"/_aws/execute-api/{apiId}/dev{path}", []);
            var actual = response.StatusCode == 200 ? response.BodyText : $"{response.StatusCode} {response.BodyText}";
            if (actual != expected)
                failures.Add($"{method} {path}: expected '{expected}', got '{actual}'");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task An_unknown_route_or_method_is_403_missing_authentication_token()
    {
        var function = Unique("known");
        fixture.Lambda.Returns(function, """{"statusCode":200}""");
        var apiId = await fixture.ControlPlane.CreateApiAsync(Unique("strict"), "dev", ("/products", "GET", function));

        foreach (var (method, path) in new[] { ("GET", "/nope"), ("POST", "/products"), ("GET", "/products/1"), ("GET", "/") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"_aws/execute-api/{apiId}/dev{path}");
            using var response = await fixture.Edge.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(MissingAuthenticationToken, await response.Content.ReadAsStringAsync());
            Assert.Equal(["MissingAuthenticationTokenException"], response.Headers.GetValues("x-amzn-ErrorType"));
            Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        }
        Assert.Empty(fixture.Lambda.Received(function));
    }

    [Fact]
    public async Task An_unknown_stage_is_403_forbidden_and_an_unknown_api_404()
    {
        var function = Unique("staged");
        fixture.Lambda.Returns(function, """{"statusCode":200}""");
        var apiId = await fixture.ControlPlane.CreateApiAsync(Unique("staged"), "dev", ("/products", "GET", function));

        using var wrongStage = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/prod/products");
        using var noStage = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}");
        using var unknownApi = await fixture.Edge.GetAsync("_aws/execute-api/nosuchapi1/dev/products");

        Assert.Equal(HttpStatusCode.Forbidden, wrongStage.StatusCode);
        Assert.Equal("""{"message":"Forbidden"}""", await wrongStage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, noStage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        Assert.Contains("nosuchapi1", await unknownApi.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_invoke_url_form_reaches_the_same_method()
    {
        var function = Unique("forms");
        fixture.Lambda.Returns(function, """{"statusCode":200,"body":"ok"}""");
        var apiId = await fixture.ControlPlane.CreateApiAsync(Unique("forms"), "dev", ("/products/{id}", "GET", function));

        using var friendly = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/products/1");
        using var localStack = await fixture.Edge.GetAsync($"restapis/{apiId}/dev/_user_request_/products/2");
        using var byHost = new HttpRequestMessage(HttpMethod.Get, "dev/products/3");
        byHost.Headers.Host = $"{apiId}.execute-api.localhost:{fixture.EdgeUrl.Port}";
        using var hostResponse = await fixture.Edge.SendAsync(byHost);

        Assert.All(new[] { friendly, localStack, hostResponse }, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var events = fixture.Lambda.Received(function).Select(invocation => JsonDocument.Parse(invocation.Payload).RootElement).ToList();
        Assert.Equal(["/products/1", "/products/2", "/products/3"], events.Select(e => e.GetProperty("path").GetString() ?? ""));
        Assert.Equal(["/dev/products/1", "/dev/products/2", "/dev/products/3"], events.Select(e => e.GetProperty("requestContext").GetProperty("path").GetString() ?? ""));
        Assert.Equal($"{apiId}.execute-api.localhost", events[2].GetProperty("requestContext").GetProperty("domainName").GetString());
        Assert.Equal(byHost.Headers.Host, events[2].GetProperty("headers").GetProperty("Host").GetString());
    }

    [Fact]
    public async Task A_route_added_and_deployed_through_the_edge_is_served_while_changes_behind_its_back_are_not_seen()
    {
        var function = Unique("redeploy");
        fixture.Lambda.Returns(function, """{"statusCode":200,"body":"served"}""");
        var controlPlane = fixture.ControlPlane;
        var (apiId, rootId) = await controlPlane.CreateRestApiAsync(Unique("redeploy"));
        var resources = new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = rootId };
        var first = await controlPlane.EnsureResourceAsync(apiId, resources, "/first");
        await controlPlane.PutMethodAsync(apiId, first, "GET");
        await controlPlane.PutLambdaProxyAsync(apiId, first, "GET", function);
        await controlPlane.CreateDeploymentAsync(apiId, "dev");
        using (var primed = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/first"))
            Assert.Equal(HttpStatusCode.OK, primed.StatusCode);

        // Changed in moto directly, the edge hears nothing: the cached definition still serves.
        var behindEdge = fixture.ControlPlaneBehindEdge;
        var second = await behindEdge.EnsureResourceAsync(apiId, resources, "/second");
        await behindEdge.PutMethodAsync(apiId, second, "GET");
        await behindEdge.PutLambdaProxyAsync(apiId, second, "GET", function);
        using (var stale = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/second"))
            Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);

        // A deployment through the edge drops the cached definition: the new route is served.
        await controlPlane.CreateDeploymentAsync(apiId, "dev");
        using var served = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/second");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("served", await served.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("AWS_IAM", false, "the method's authorizationType is AWS_IAM (SigV4-signed callers), which the local cloud does not check")]
    [InlineData("NONE", true, "requires an API key (apiKeyRequired)")]
    public async Task A_method_whose_callers_cannot_be_checked_is_not_served_open(string authorizationType, bool apiKeyRequired, string logged)
    {
        var function = Unique("protected");
        fixture.Lambda.Returns(function, """{"statusCode":200}""");
        var controlPlane = fixture.ControlPlane;
        var (apiId, rootId) = await controlPlane.CreateRestApiAsync(Unique("protected"));
        var resourceId = await controlPlane.CreateResourceAsync(apiId, rootId, "secret");
        await controlPlane.PutMethodAsync(apiId, resourceId, "GET", authorizationType, apiKeyRequired: apiKeyRequired);
        await controlPlane.PutLambdaProxyAsync(apiId, resourceId, "GET", function);
        await controlPlane.CreateDeploymentAsync(apiId, "dev");

        using var response = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/secret");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(InternalServerError, await response.Content.ReadAsStringAsync());
        Assert.Empty(fixture.Lambda.Received(function));
        Assert.Contains($"{apiId}/dev GET /secret: ", fixture.LogText);
        Assert.Contains(logged, fixture.LogText);
    }

    [Theory]
    [InlineData("CUSTOM", "abc123")]
    [InlineData("COGNITO_USER_POOLS", "pool42")]
    public async Task A_method_naming_an_authorizer_the_api_does_not_have_is_an_authorizer_configuration_error(string authorizationType, string authorizerId)
    {
        var function = Unique("protected");
        fixture.Lambda.Returns(function, """{"statusCode":200}""");
        var controlPlane = fixture.ControlPlane;
        var (apiId, rootId) = await controlPlane.CreateRestApiAsync(Unique("protected"));
        var resourceId = await controlPlane.CreateResourceAsync(apiId, rootId, "secret");
        await controlPlane.PutMethodAsync(apiId, resourceId, "GET", authorizationType, authorizerId);
        await controlPlane.PutLambdaProxyAsync(apiId, resourceId, "GET", function);
        await controlPlane.CreateDeploymentAsync(apiId, "dev");

        using var response = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/secret");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"message":null}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("AuthorizerConfigurationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Empty(fixture.Lambda.Received(function));
        Assert.Contains($"{apiId}/dev GET /secret: method GET of /secret names authorizer {authorizerId}, which REST API {apiId} does not have", fixture.LogText);
    }

    [Theory]
    [InlineData("HTTP_PROXY")]
    [InlineData("HTTP")]
    [InlineData("AWS")]
    public async Task An_unsupported_integration_type_is_a_500_named_in_the_log(string type)
    {
        var controlPlane = fixture.ControlPlane;
        var (apiId, rootId) = await controlPlane.CreateRestApiAsync(Unique("unsupported"));
        var resourceId = await controlPlane.CreateResourceAsync(apiId, rootId, "elsewhere");
        await controlPlane.PutMethodAsync(apiId, resourceId, "GET");
        await controlPlane.PutIntegrationAsync(apiId, resourceId, "GET", new
        {
            type,
            httpMethod = "GET",
            uri = type == "AWS" ? "arn:aws:apigateway:us-east-1:sqs:path/000000000000/queue" : "https://example.com/elsewhere",
        });
        await controlPlane.CreateDeploymentAsync(apiId, "dev");

        using var response = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/elsewhere");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(InternalServerError, await response.Content.ReadAsStringAsync());
        Assert.Contains($"{apiId}/dev GET /elsewhere: integration type {type} (method GET of /elsewhere) is not supported", fixture.LogText);
    }

    [Fact]
    public async Task A_method_without_an_integration_is_a_500()
    {
        // moto, like AWS, refuses to deploy such a method, but a stage serves the current
        // definition locally (moto keeps no deployment snapshots), so one is served after a deploy.
        var function = Unique("deployed");
        fixture.Lambda.Returns(function, """{"statusCode":200}""");
        var controlPlane = fixture.ControlPlane;
        var apiId = await controlPlane.CreateApiAsync(Unique("bare"), "dev", ("/deployed", "GET", function));
        var rootId = await controlPlane.GetRootResourceIdAsync(apiId);
        var resourceId = await controlPlane.CreateResourceAsync(apiId, rootId, "bare");
        await controlPlane.PutMethodAsync(apiId, resourceId, "GET");

        using var response = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/bare");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains($"{apiId}/dev GET /bare: method GET of /bare has no integration", fixture.LogText);
    }

    [Fact]
    public async Task A_mock_integration_answers_from_its_integration_responses()
    {
        var controlPlane = fixture.ControlPlane;
        var (apiId, rootId) = await controlPlane.CreateRestApiAsync(Unique("mock"));
        var okId = await controlPlane.CreateResourceAsync(apiId, rootId, "ok");
        await controlPlane.PutMethodAsync(apiId, okId, "OPTIONS");
        await controlPlane.PutIntegrationAsync(apiId, okId, "OPTIONS", new { type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" } });
        await controlPlane.PutIntegrationResponseAsync(apiId, okId, "OPTIONS", "200", new
        {
            responseParameters = new Dictionary<string, string> { ["method.response.header.Access-Control-Allow-Origin"] = "'*'" },
            responseTemplates = new Dictionary<string, string> { ["application/json"] = """{"ok":true}""" },
        });
        var teapotId = await controlPlane.CreateResourceAsync(apiId, rootId, "teapot");
        await controlPlane.PutMethodAsync(apiId, teapotId, "GET");
        await controlPlane.PutIntegrationAsync(apiId, teapotId, "GET", new { type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 418}""" } });
        await controlPlane.PutIntegrationResponseAsync(apiId, teapotId, "GET", "200", new { responseTemplates = new Dictionary<string, string>() });
        await controlPlane.PutIntegrationResponseAsync(apiId, teapotId, "GET", "418", new { selectionPattern = "4\\d{2}", responseTemplates = new Dictionary<string, string> { ["application/json"] = """{"tea":true}""" } });
        await controlPlane.CreateDeploymentAsync(apiId, "dev");

        using var options = await fixture.Edge.SendAsync(new HttpRequestMessage(HttpMethod.Options, $"_aws/execute-api/{apiId}/dev/ok"));
        using var teapot = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/teapot");

        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        Assert.Equal(["*"], options.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal("""{"ok":true}""", await options.Content.ReadAsStringAsync());
        Assert.Equal(418, (int)teapot.StatusCode);
        Assert.Equal("""{"tea":true}""", await teapot.Content.ReadAsStringAsync());
    }

    // The answer names the function and what the event said of the route.
    private static Patterns.LocalCloud.Lambda.InvocationResult Echo(string name, ReadOnlyMemory<byte> payload)
    {
        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        var parameters = root.GetProperty("pathParameters");
        var description = $"{name} {root.GetProperty("resource").GetString()}"
            + (parameters.ValueKind == JsonValueKind.Object ? string.Concat(parameters.EnumerateObject().Select(p => $" {p.Name}={p.Value.GetString()}")) : "");
        return FakeLambdaInvoker.Result(JsonSerializer.Serialize(new { statusCode = 200, body = description }));
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20];
}
