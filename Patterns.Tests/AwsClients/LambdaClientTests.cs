using System.Net;
using System.Text.Json;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.Lambda;

namespace Patterns.Tests.AwsClients;

/// <summary>What the Lambda client puts on the wire and how it reads answers, errors and retries.</summary>
public sealed class LambdaClientTests
{
    private static readonly AwsClientOptions Options = new()
    {
        Endpoint = new Uri("http://127.0.0.1:4566"),
        Region = "us-east-1",
        Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        BaseRetryDelay = TimeSpan.FromMilliseconds(1),
    };

    [Fact]
    public async Task CreateFunction_posts_the_Lambda_json_shape_and_reads_the_configuration()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.Created, """
            {"FunctionName":"Hello","FunctionArn":"arn:aws:lambda:us-east-1:000000000000:function:Hello","Runtime":"provided.al2023",
             "Handler":"Functions::Functions.Hello::HandleAsync","Timeout":3,"MemorySize":128,"State":"Active","LastUpdateStatus":"Successful",
             "Environment":{"Variables":{"TABLE_NAME":"Products"}}}
            """);
        using var client = new LambdaClient(Options, new HttpClient(handler));

        var created = await client.CreateFunctionAsync(new CreateFunctionRequest("Hello", "arn:aws:iam::000000000000:role/lambda-role", FunctionCode.FromLocalDirectory("/build/Functions"))
        {
            Runtime = "provided.al2023",
            Handler = "Functions::Functions.Hello::HandleAsync",
            Timeout = 3,
            MemorySize = 128,
            Environment = new FunctionEnvironment { Variables = new Dictionary<string, string> { ["TABLE_NAME"] = "Products" } },
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2015-03-31/functions", request.Uri.AbsolutePath);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("Hello", body.RootElement.GetProperty("FunctionName").GetString());
        Assert.Equal("hot-reload", body.RootElement.GetProperty("Code").GetProperty("S3Bucket").GetString());
        Assert.Equal("/build/Functions", body.RootElement.GetProperty("Code").GetProperty("S3Key").GetString());
        Assert.False(body.RootElement.GetProperty("Code").TryGetProperty("ZipFile", out _), "null members are left out");
        Assert.Equal("Products", body.RootElement.GetProperty("Environment").GetProperty("Variables").GetProperty("TABLE_NAME").GetString());
        Assert.Equal(3, body.RootElement.GetProperty("Timeout").GetInt32());
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/us-east-1/lambda/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);

        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:Hello", created.FunctionArn);
        Assert.Equal("Products", created.Environment!.Variables!["TABLE_NAME"]);
        Assert.True(LambdaClient.IsReady(created));
    }

    [Fact]
    public async Task Invoke_sends_the_payload_signed_as_botocore_signs_it_and_reads_the_function_error_headers()
    {
        var handler = new RecordingHandler().Reply(
            HttpStatusCode.OK,
            """{"errorType":"InvalidOperationException","errorMessage":"boom"}""",
            ("X-Amz-Function-Error", "Unhandled"), ("X-Amz-Executed-Version", "$LATEST"));
        using var client = new LambdaClient(Options, new HttpClient(handler), new FixedTimeProvider(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero)));

        var response = await client.InvokeAsync(new InvokeRequest("arn:aws:lambda:us-east-1:000000000000:function:Hello")
        {
            Payload = """{"name":"Trainee"}"""u8.ToArray(),
            Qualifier = "$LATEST",
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3AHello/invocations", request.Uri.AbsolutePath);
        Assert.Equal("?Qualifier=%24LATEST", request.Uri.Query);
        Assert.Equal("RequestResponse", request.Headers["X-Amz-Invocation-Type"]);
        Assert.Equal("""{"name":"Trainee"}""", request.Body);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/lambda/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-invocation-type, Signature=0168850a1391d84cdf0d03b067e6c77f2e771da78af3adff898fd71cae3dbceb",
            request.Headers["Authorization"]);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("Unhandled", response.FunctionError);
        Assert.Equal("$LATEST", response.ExecutedVersion);
        Assert.Contains("boom", System.Text.Encoding.UTF8.GetString(response.Payload), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_answer_becomes_a_typed_exception_without_retrying()
    {
        var handler = new RecordingHandler().Reply(
            HttpStatusCode.NotFound,
            """{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:000000000000:function:Nope"}""",
            ("X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/"), ("x-amzn-RequestId", "req-1"));
        using var client = new LambdaClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetFunctionAsync("Nope"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal("Function not found: arn:aws:lambda:us-east-1:000000000000:function:Nope", error.ServiceMessage);
        Assert.Equal("GetFunction", error.Operation);
        Assert.Equal("req-1", error.RequestId);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_with_a_fresh_signature_until_it_succeeds()
    {
        var handler = new RecordingHandler()
            .Reply((HttpStatusCode)429, """{"Type":"User","Message":"Rate exceeded"}""", ("X-Amzn-ErrorType", "TooManyRequestsException"))
            .Reply(HttpStatusCode.ServiceUnavailable, """{"message":"busy"}""")
            .Reply(HttpStatusCode.OK, """{"Functions":[{"FunctionName":"Hello"}],"NextMarker":null}""");
        using var client = new LambdaClient(Options, new HttpClient(handler));

        var page = await client.ListFunctionsAsync();

        Assert.Equal("Hello", Assert.Single(page.Functions).FunctionName);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("/2015-03-31/functions/", r.Uri.AbsolutePath));
        Assert.All(handler.Requests, r => Assert.True(r.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task Gives_up_after_the_configured_attempts_with_the_last_error()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.ServiceUnavailable, """{"message":"busy 1"}""")
            .Reply(HttpStatusCode.ServiceUnavailable, """{"message":"busy 2"}""");
        using var client = new LambdaClient(Options with { MaxAttempts = 2 }, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.ListFunctionsAsync());

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("busy 2", error.ServiceMessage);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task AddPermission_puts_the_function_in_the_path_and_the_statement_in_the_body()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.Created, """{"Statement":"{\"Sid\":\"s1\"}"}""");
        using var client = new LambdaClient(Options, new HttpClient(handler));

        var response = await client.AddPermissionAsync(new AddPermissionRequest("Hello", "s1", "lambda:InvokeFunction", "apigateway.amazonaws.com")
        {
            SourceArn = "arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/products",
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/2015-03-31/functions/Hello/policy", request.Uri.AbsolutePath);
        using var body = JsonDocument.Parse(request.Body);
        Assert.False(body.RootElement.TryGetProperty("FunctionName", out _), "the function name is a path parameter");
        Assert.Equal("apigateway.amazonaws.com", body.RootElement.GetProperty("Principal").GetString());
        Assert.Equal("arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/products", body.RootElement.GetProperty("SourceArn").GetString());
        Assert.Equal("""{"Sid":"s1"}""", response.Statement);
    }
}
