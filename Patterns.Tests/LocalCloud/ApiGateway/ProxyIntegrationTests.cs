using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>AWS_PROXY integrations end to end: edge → executor (definitions from a real moto) → fake Lambda → client.</summary>
public sealed class ProxyIntegrationTests(ExecuteApiFixture fixture) : IClassFixture<ExecuteApiFixture>
{
    private const string InternalServerError = """{"message": "Internal server error"}""";

    [Fact]
    public async Task The_function_gets_the_proxy_event_with_aws_field_names_order_and_values()
    {
        var function = Unique("event");
        fixture.Lambda.Returns(function, """{"statusCode":200,"body":"ok"}""");
        var apiId = await CreateApiAsync("/products/{id}", "POST", function, variables: new Dictionary<string, string> { ["env"] = "test" });
        const string trace = "Root=1-5f84c7a2-0123456789abcdef01234567;Sampled=1";

        var before = DateTimeOffset.UtcNow;
        var response = await RawHttp.SendAsync(
            fixture.EdgeUrl,
            "POST",
            $"/_aws/execute-api/{apiId}/dev/products/a%20b?x=1&x=2&y=a+b%21",
            [("User-Agent", "tests/1.0"), ("Content-Type", "application/json"), ("X-Multi", "one"), ("X-Multi", "two"), ("X-Amzn-Trace-Id", trace)],
            """{"a":1}"""u8.ToArray());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("ok", response.BodyText);
        var invocation = Assert.Single(fixture.Lambda.Received(function));
        Assert.Equal(FakeLambdaInvoker.Arn(function), invocation.FunctionName);
        Assert.Equal(trace, invocation.TraceHeader);
        Assert.Equal(trace, response.Header("X-Amzn-Trace-Id"));

        using var json = JsonDocument.Parse(invocation.Payload);
        var root = json.RootElement;
        Assert.Equal(
            ["resource", "path", "httpMethod", "headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables", "requestContext", "body", "isBase64Encoded"],
            Names(root));
        Assert.Equal("/products/{id}", root.GetProperty("resource").GetString());
        Assert.Equal("/products/a%20b", root.GetProperty("path").GetString());
        Assert.Equal("POST", root.GetProperty("httpMethod").GetString());

        var headers = root.GetProperty("headers");
        Assert.Equal(
            ["Content-Type", "Host", "User-Agent", "X-Amzn-Trace-Id", "X-Forwarded-For", "X-Forwarded-Port", "X-Forwarded-Proto", "X-Multi"],
            Names(headers));
        Assert.Equal("two", headers.GetProperty("X-Multi").GetString());
        Assert.Equal(fixture.EdgeUrl.Authority, headers.GetProperty("Host").GetString());
        Assert.Equal("127.0.0.1", headers.GetProperty("X-Forwarded-For").GetString());
        Assert.Equal(fixture.EdgeUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), headers.GetProperty("X-Forwarded-Port").GetString());
        Assert.Equal("http", headers.GetProperty("X-Forwarded-Proto").GetString());
        Assert.Equal(trace, headers.GetProperty("X-Amzn-Trace-Id").GetString());
        var multiValueHeaders = root.GetProperty("multiValueHeaders");
        Assert.Equal(Names(headers), Names(multiValueHeaders));
        Assert.Equal(["one", "two"], Strings(multiValueHeaders.GetProperty("X-Multi")));
        Assert.Equal(["tests/1.0"], Strings(multiValueHeaders.GetProperty("User-Agent")));

        Assert.Equal("""{"x":"2","y":"a b!"}""", root.GetProperty("queryStringParameters").GetRawText());
        Assert.Equal("""{"x":["1","2"],"y":["a b!"]}""", root.GetProperty("multiValueQueryStringParameters").GetRawText());
        Assert.Equal("""{"id":"a%20b"}""", root.GetProperty("pathParameters").GetRawText());
        Assert.Equal("""{"env":"test"}""", root.GetProperty("stageVariables").GetRawText());
        Assert.Equal("""{"a":1}""", root.GetProperty("body").GetString());
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());

        var context = root.GetProperty("requestContext");
        Assert.Equal(
            ["resourceId", "resourcePath", "httpMethod", "extendedRequestId", "requestTime", "path", "accountId", "protocol", "stage", "domainPrefix", "requestTimeEpoch", "requestId", "identity", "domainName", "apiId"],
            Names(context));
        Assert.Matches("^[a-z0-9]+$", context.GetProperty("resourceId").GetString());
        Assert.Equal("/products/{id}", context.GetProperty("resourcePath").GetString());
        Assert.Equal("POST", context.GetProperty("httpMethod").GetString());
        Assert.Equal(response.Header("x-amz-apigw-id"), context.GetProperty("extendedRequestId").GetString());
        Assert.Matches("^[A-Za-z0-9+/]{15}=$", context.GetProperty("extendedRequestId").GetString());
        Assert.Matches(@"^\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000$", context.GetProperty("requestTime").GetString());
        Assert.Equal("/dev/products/a%20b", context.GetProperty("path").GetString());
        Assert.Equal("000000000000", context.GetProperty("accountId").GetString());
        Assert.Equal("HTTP/1.1", context.GetProperty("protocol").GetString());
        Assert.Equal("dev", context.GetProperty("stage").GetString());
        Assert.Equal(apiId, context.GetProperty("domainPrefix").GetString());
        Assert.InRange(context.GetProperty("requestTimeEpoch").GetInt64(), before.ToUnixTimeMilliseconds() - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(response.Header("x-amzn-RequestId"), context.GetProperty("requestId").GetString());
        Assert.True(Guid.TryParse(context.GetProperty("requestId").GetString(), out _));
        Assert.Equal($"{apiId}.execute-api.localhost", context.GetProperty("domainName").GetString());
        Assert.Equal(apiId, context.GetProperty("apiId").GetString());

        var identity = context.GetProperty("identity");
        Assert.Equal(
            ["cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "sourceIp", "principalOrgId", "accessKey", "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn", "userAgent", "user"],
            Names(identity));
        Assert.Equal("127.0.0.1", identity.GetProperty("sourceIp").GetString());
        Assert.Equal("tests/1.0", identity.GetProperty("userAgent").GetString());
        Assert.All(
            identity.EnumerateObject().Where(property => property.Name is not ("sourceIp" or "userAgent")),
            property => Assert.Equal(JsonValueKind.Null, property.Value.ValueKind));
    }

    [Fact]
    public async Task Absent_query_path_parameters_stage_variables_and_body_are_null_and_a_trace_is_started()
    {
        var function = Unique("nulls");
        fixture.Lambda.Returns(function, """{"statusCode":200}""");
        var apiId = await CreateApiAsync("/products", "GET", function);

        using var response = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invocation = Assert.Single(fixture.Lambda.Received(function));
        using var json = JsonDocument.Parse(invocation.Payload);
        var root = json.RootElement;
        foreach (var field in new[] { "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables", "body" })
            Assert.Equal(JsonValueKind.Null, root.GetProperty(field).ValueKind);
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());

        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$", invocation.TraceHeader);
        Assert.Equal(invocation.TraceHeader, root.GetProperty("headers").GetProperty("X-Amzn-Trace-Id").GetString());
        Assert.Equal(invocation.TraceHeader, Header(response, "X-Amzn-Trace-Id"));
        var epochHex = Regex.Match(invocation.TraceHeader!, "Root=1-([0-9a-f]{8})-").Groups[1].Value;
        Assert.InRange(Convert.ToInt64(epochHex, 16), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_body_of_a_binary_media_type_reaches_the_function_in_base64()
    {
        var function = Unique("binary-in");
        fixture.Lambda.Returns(function, """{"statusCode":200}""");
        var apiId = await CreateApiAsync("/upload", "POST", function);
        await fixture.ControlPlane.AddBinaryMediaTypeAsync(apiId, "image/png");
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x10 };

        using var binary = new ByteArrayContent(bytes);
        binary.Headers.ContentType = new("image/png");
        using var binaryResponse = await fixture.Edge.PostAsync($"_aws/execute-api/{apiId}/dev/upload", binary);
        using var text = new StringContent("plain text", Encoding.UTF8, "text/plain");
        using var textResponse = await fixture.Edge.PostAsync($"_aws/execute-api/{apiId}/dev/upload", text);

        Assert.Equal(HttpStatusCode.OK, binaryResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, textResponse.StatusCode);
        var events = fixture.Lambda.Received(function).Select(invocation => JsonDocument.Parse(invocation.Payload).RootElement).ToList();
        Assert.Equal(Convert.ToBase64String(bytes), events[0].GetProperty("body").GetString());
        Assert.True(events[0].GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("plain text", events[1].GetProperty("body").GetString());
        Assert.False(events[1].GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task The_proxy_response_becomes_the_answer_with_headers_merged()
    {
        var function = Unique("mapped");
        fixture.Lambda.Returns(function, """
            {"statusCode":201,
             "headers":{"Content-Type":"text/plain","X-One":"1"},
             "multiValueHeaders":{"Set-Cookie":["a=1","b=2"],"X-One":["1"]},
             "body":"created"}
            """);
        var apiId = await CreateApiAsync("/things", "POST", function);

        using var response = await fixture.Edge.PostAsync($"_aws/execute-api/{apiId}/dev/things", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("created", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["1"], response.Headers.GetValues("X-One"));
        Assert.Equal(["a=1", "b=2"], response.Headers.GetValues("Set-Cookie"));
        Assert.True(Guid.TryParse(Header(response, "x-amzn-RequestId"), out _));
        Assert.NotNull(Header(response, "x-amz-apigw-id"));
    }

    [Fact]
    public async Task A_base64_response_is_decoded_for_a_client_that_accepts_a_binary_media_type()
    {
        var function = Unique("binary-out");
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF };
        fixture.Lambda.Returns(function, $$"""{"statusCode":200,"headers":{"Content-Type":"image/png"},"isBase64Encoded":true,"body":"{{Convert.ToBase64String(bytes)}}"}""");
        var apiId = await CreateApiAsync("/image", "GET", function);
        await fixture.ControlPlane.AddBinaryMediaTypeAsync(apiId, "image/png");

        using var asImage = new HttpRequestMessage(HttpMethod.Get, $"_aws/execute-api/{apiId}/dev/image");
        asImage.Headers.TryAddWithoutValidation("Accept", "image/png");
        using var imageResponse = await fixture.Edge.SendAsync(asImage);
        using var asJson = new HttpRequestMessage(HttpMethod.Get, $"_aws/execute-api/{apiId}/dev/image");
        asJson.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var jsonResponse = await fixture.Edge.SendAsync(asJson);

        Assert.Equal(bytes, await imageResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(Convert.ToBase64String(bytes), await jsonResponse.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("\"just a string\"")]
    [InlineData("""{"statusCode":"abc","body":"x"}""")]
    [InlineData("""{"statusCode":200,"body":{"not":"a string"}}""")]
    [InlineData("""{"statusCode":200,"body":"x","cookies":["a=1"]}""")]
    [InlineData("not json")]
    public async Task A_malformed_proxy_response_is_a_502(string payload)
    {
        var function = Unique("malformed");
        fixture.Lambda.Returns(function, payload);
        var apiId = await CreateApiAsync("/bad", "GET", function);

        using var response = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/bad");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(InternalServerError, await response.Content.ReadAsStringAsync());
        Assert.Equal("InternalServerErrorException", Header(response, "x-amzn-ErrorType"));
        Assert.Contains($"{apiId}/dev GET /bad: Malformed Lambda proxy response from {FakeLambdaInvoker.Arn(function)}", fixture.LogText);
    }

    [Fact]
    public async Task A_function_error_is_a_502()
    {
        var function = Unique("fails");
        fixture.Lambda.Returns(function, """{"errorMessage":"boom","errorType":"InvalidOperationException"}""", functionError: "Unhandled");
        var apiId = await CreateApiAsync("/fails", "GET", function);

        using var response = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/fails");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(InternalServerError, await response.Content.ReadAsStringAsync());
        Assert.Contains("(Unhandled): {\"errorMessage\":\"boom\"", fixture.LogText);
    }

    [Fact]
    public async Task An_invocation_lambda_rejects_is_a_500()
    {
        var throttled = Unique("throttled");
        fixture.Lambda.Throws(throttled, new AwsServiceException(429, "TooManyRequestsException", "Rate Exceeded."));
        var missing = Unique("missing");
        var apiId = await fixture.ControlPlane.CreateApiAsync(Unique("api"), "dev", ("/throttled", "GET", throttled), ("/missing", "GET", missing));

        using var throttledResponse = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/throttled");
        using var missingResponse = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/missing");

        Assert.Equal(HttpStatusCode.InternalServerError, throttledResponse.StatusCode);
        Assert.Equal(InternalServerError, await throttledResponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, missingResponse.StatusCode);
        Assert.Contains($"Lambda rejected the invocation of {FakeLambdaInvoker.Arn(throttled)}: TooManyRequestsException: Rate Exceeded.", fixture.LogText);
        Assert.Contains($"Lambda rejected the invocation of {FakeLambdaInvoker.Arn(missing)}: ResourceNotFoundException", fixture.LogText);
    }

    [Fact]
    public async Task A_failure_inside_the_local_cloud_is_a_500_with_its_cause_in_the_log()
    {
        var function = Unique("broken");
        fixture.Lambda.Handle(function, _ => throw new InvalidOperationException("the invoker broke"));
        var apiId = await CreateApiAsync("/broken", "GET", function);

        using var response = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/broken");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(InternalServerError, await response.Content.ReadAsStringAsync());
        Assert.Contains($"{apiId}/dev GET /broken: the request failed inside the local cloud: System.InvalidOperationException: the invoker broke", fixture.LogText);
    }

    [Fact]
    public async Task A_function_slower_than_the_integration_timeout_is_a_504()
    {
        var function = Unique("slow");
        var release = new TaskCompletionSource<InvocationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Lambda.Handle(function, _ => release.Task);
        var (apiId, rootId) = await fixture.ControlPlane.CreateRestApiAsync(Unique("api"));
        var resourceId = await fixture.ControlPlane.CreateResourceAsync(apiId, rootId, "slow");
        await fixture.ControlPlane.PutMethodAsync(apiId, resourceId, "GET");
        await fixture.ControlPlane.PutLambdaProxyAsync(apiId, resourceId, "GET", function, timeoutInMillis: 200);
        await fixture.ControlPlane.CreateDeploymentAsync(apiId, "dev");

        try
        {
            using var response = await fixture.Edge.GetAsync($"_aws/execute-api/{apiId}/dev/slow");

            Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
            Assert.Equal("""{"message": "Endpoint request timed out"}""", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            release.SetResult(FakeLambdaInvoker.Result("""{"statusCode":200}"""));
        }
    }

    private async Task<string> CreateApiAsync(string path, string method, string function, IReadOnlyDictionary<string, string>? variables = null)
    {
        var controlPlane = fixture.ControlPlane;
        var (apiId, rootId) = await controlPlane.CreateRestApiAsync(Unique("api"));
        var resources = new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = rootId };
        var resourceId = await controlPlane.EnsureResourceAsync(apiId, resources, path);
        await controlPlane.PutMethodAsync(apiId, resourceId, method);
        await controlPlane.PutLambdaProxyAsync(apiId, resourceId, method, function);
        await controlPlane.CreateDeploymentAsync(apiId, "dev", variables);
        return apiId;
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20];

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(property => property.Name).ToArray();

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString() ?? "").ToArray();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Last()
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.Last()
        : null;
}
