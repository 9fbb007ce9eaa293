using System.Net;
using System.Text;
using System.Text.Json;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Lambda;

/// <summary>The Invoke API with the real Functions executable behind it: results, function errors, timeouts, crashes, instances.</summary>
public sealed class LambdaInvokeTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private const string Faults = "Functions::Functions.Diagnostics.Faults::";

    private async Task<HttpResponseMessage> InvokeAsync(string function, string payload, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"2015-03-31/functions/{function}/invocations")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        configure?.Invoke(request);
        return await fixture.Edge.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Invoke_returns_the_handler_result_with_the_executed_version()
    {
        await fixture.CreateFunctionAsync("EchoForInvoke", Faults + "Echo");

        using var response = await InvokeAsync("EchoForInvoke", """{"greeting":"hi","n":[1,2]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        var body = await JsonAsync(response);
        Assert.Equal("hi", body.GetProperty("greeting").GetString());
        Assert.Equal(2, body.GetProperty("n").GetArrayLength());
    }

    [Fact]
    public async Task The_function_sees_AWS_runtime_headers_and_environment_and_the_callers_trace()
    {
        await fixture.CreateFunctionAsync("ContextReporter", Faults + "Context", timeoutSeconds: 7, extra: new { MemorySize = 256 });
        const string trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

        using var response = await InvokeAsync("ContextReporter", "{}", r => r.Headers.Add("X-Amzn-Trace-Id", trace));

        var context = await JsonAsync(response);
        Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), context.GetProperty("awsRequestId").GetString());
        Assert.Equal("ContextReporter", context.GetProperty("functionName").GetString());
        Assert.Equal("$LATEST", context.GetProperty("functionVersion").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:ContextReporter", context.GetProperty("invokedFunctionArn").GetString());
        Assert.Equal(256, context.GetProperty("memoryLimitInMB").GetInt32());
        Assert.Equal("/aws/lambda/ContextReporter", context.GetProperty("logGroupName").GetString());
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", context.GetProperty("logStreamName").GetString());
        Assert.InRange(context.GetProperty("remainingTimeMs").GetInt64(), 5000, 7000);
        Assert.Equal(trace, context.GetProperty("traceId").GetString());
        Assert.Equal(trace, context.GetProperty("traceEnvironment").GetString());
    }

    [Fact]
    public async Task A_W3C_traceparent_reaches_the_function_as_its_X_Ray_trace_header()
    {
        await fixture.CreateFunctionAsync("TraceparentReporter", Faults + "Context");

        using var response = await InvokeAsync("TraceparentReporter", "{}",
            r => r.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        var context = await JsonAsync(response);
        Assert.Equal("Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1", context.GetProperty("traceId").GetString());
    }

    [Theory]
    [InlineData(null, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", "Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=0")]
    [InlineData("Root=1-1-2;Sampled=1", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "Root=1-1-2;Sampled=1")]
    [InlineData(null, "00-00000000000000000000000000000000-00f067aa0ba902b7-01", null)]
    [InlineData(null, "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null)]
    [InlineData(null, "garbage", null)]
    [InlineData(null, null, null)]
    public void Trace_context_prefers_X_Ray_and_converts_valid_traceparents_only(string? xray, string? traceparent, string? expected) =>
        Assert.Equal(expected, global::Patterns.LocalCloud.Lambda.Execution.TraceContext.FromHeaders(xray, traceparent));

    [Fact]
    public async Task A_throwing_handler_is_an_unhandled_function_error()
    {
        await fixture.CreateFunctionAsync("Thrower", Faults + "Throw");

        using var response = await InvokeAsync("Thrower", """{"message":"boom on purpose"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        var error = await JsonAsync(response);
        Assert.Equal("boom on purpose", error.GetProperty("errorMessage").GetString());
        Assert.Contains("InvalidOperationException", error.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task An_invoke_past_the_timeout_fails_as_AWS_words_it_and_the_instance_is_replaced()
    {
        await fixture.CreateFunctionAsync("Sleeper", Faults + "Sleep", timeoutSeconds: 1);

        using var slow = await InvokeAsync("Sleeper", """{"seconds":30}""");
        Assert.Equal("Unhandled", slow.Headers.GetValues("X-Amz-Function-Error").Single());
        var error = await JsonAsync(slow);
        Assert.Equal("Sandbox.Timedout", error.GetProperty("errorType").GetString());
        Assert.Contains("Task timed out after 1.00 seconds", error.GetProperty("errorMessage").GetString());

        using var quick = await InvokeAsync("Sleeper", """{"seconds":0}""");
        Assert.Equal(HttpStatusCode.OK, quick.StatusCode);
        Assert.False(quick.Headers.Contains("X-Amz-Function-Error"), await quick.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_crashed_instance_fails_its_invoke_and_the_next_invoke_gets_a_new_instance()
    {
        await fixture.CreateFunctionAsync("Crasher", Faults + "Crash");

        using var crashed = await InvokeAsync("Crasher", """{"crash":true}""");
        Assert.Equal("Unhandled", crashed.Headers.GetValues("X-Amz-Function-Error").Single());
        var error = await JsonAsync(crashed);
        Assert.Equal("Runtime.ExitError", error.GetProperty("errorType").GetString());
        Assert.Contains("exit status 3", error.GetProperty("errorMessage").GetString());

        using var next = await InvokeAsync("Crasher", """{"crash":false}""");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.False(next.Headers.Contains("X-Amz-Function-Error"), await next.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Warm_invokes_reuse_one_process_and_concurrent_invokes_get_another()
    {
        await fixture.CreateFunctionAsync("Pids", Faults + "ProcessId");
        await fixture.CreateFunctionAsync("ConcurrentSleeper", Faults + "Sleep");

        var first = (await JsonAsync(await InvokeAsync("Pids", "{}"))).GetProperty("pid").GetInt32();
        var second = (await JsonAsync(await InvokeAsync("Pids", "{}"))).GetProperty("pid").GetInt32();
        Assert.Equal(first, second);

        var both = await Task.WhenAll(InvokeAsync("ConcurrentSleeper", """{"seconds":1}"""), InvokeAsync("ConcurrentSleeper", """{"seconds":1}"""));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, fixture.Cloud.RunningInstances["ConcurrentSleeper"]);
    }

    [Fact]
    public async Task LogType_Tail_returns_the_invocation_log_as_AWS_writes_it()
    {
        await fixture.CreateFunctionAsync("Logger", Faults + "Log");

        using var response = await InvokeAsync("Logger", """{"lines":["first line","second line"]}""",
            r => r.Headers.Add("X-Amz-Log-Type", "Tail"));

        var requestId = response.Headers.GetValues("x-amzn-RequestId").Single();
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("X-Amz-Log-Result").Single()));
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"START RequestId: {requestId} Version: $LATEST", lines[0]);
        Assert.Contains("first line", lines);
        Assert.Contains("second line", lines);
        Assert.Equal($"END RequestId: {requestId}", lines[^2]);
        Assert.StartsWith($"REPORT RequestId: {requestId}\tDuration: ", lines[^1]);
        Assert.Contains("Init Duration: ", lines[^1]); // the first invoke is a cold start
        // The function process's peak resident memory: a .NET process has tens of MB at least.
        var maxMemory = System.Text.RegularExpressions.Regex.Match(lines[^1], @"\tMax Memory Used: (\d+) MB\t");
        Assert.True(maxMemory.Success, lines[^1]);
        Assert.InRange(int.Parse(maxMemory.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 10, 10_000);
    }

    [Fact]
    public async Task Function_output_reaches_CloudWatch_Logs_in_the_function_log_group()
    {
        await fixture.CreateFunctionAsync("CloudWatchLogger", Faults + "Log");
        var marker = Guid.NewGuid().ToString("N");

        using var response = await InvokeAsync("CloudWatchLogger", $$"""{"lines":["{{marker}}"]}""");
        var requestId = response.Headers.GetValues("x-amzn-RequestId").Single();

        var messages = await Poll.UntilAsync(
            () => fixture.FilterLogEventsAsync("/aws/lambda/CloudWatchLogger"),
            m => m.Any(x => x.StartsWith($"REPORT RequestId: {requestId}", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the REPORT line in CloudWatch Logs");
        Assert.Contains(marker, messages);
        Assert.Contains($"START RequestId: {requestId} Version: $LATEST", messages);
    }

    [Fact]
    public async Task Errors_of_the_Invoke_API_have_AWS_status_and_error_type()
    {
        await fixture.CreateFunctionAsync("EchoForErrors", Faults + "Echo");

        using var missing = await InvokeAsync("NoSuchFunction", "{}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("ResourceNotFoundException", missing.Headers.GetValues("x-amzn-ErrorType").Single());

        using var notJson = await InvokeAsync("EchoForErrors", "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("InvalidRequestContentException", notJson.Headers.GetValues("x-amzn-ErrorType").Single());

        using var dryRun = await InvokeAsync("EchoForErrors", "{}", r => r.Headers.Add("X-Amz-Invocation-Type", "DryRun"));
        Assert.Equal(HttpStatusCode.NoContent, dryRun.StatusCode);

        var duplicate = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.CreateFunctionAsync("EchoForErrors", Faults + "Echo"));
        Assert.Contains("409", duplicate.Message);
        Assert.Contains("ResourceConflictException", duplicate.Message);
    }
}
