using System.Text.Json;

namespace Patterns.Tests.Functions;

/// <summary>The Functions executable serving invocations from a Runtime API, as Lambda runs it.</summary>
public sealed class RuntimeClientInvocationTests
{
    private const string Faults = "Functions::Functions.Diagnostics.Faults::";

    [Fact]
    public async Task Posts_the_handler_result_as_the_response()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(FunctionProcess.EnvironmentFor(api, Faults + "Echo"));

        var outcome = await function.OutcomeOf(api.InvokeAsync("""{"greeting":"héllo \"you\"","n":[1,2.5,null]}"""));

        Assert.Equal(RuntimeOutcomeKind.Response, outcome.Kind);
        Assert.Equal("""{"greeting":"héllo \"you\"","n":[1,2.5,null]}""", outcome.Body);
    }

    [Fact]
    public async Task Serves_every_invocation_from_the_same_warm_process()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(FunctionProcess.EnvironmentFor(api, Faults + "ProcessId"));

        var first = await function.OutcomeOf(api.InvokeAsync("{}"));
        var second = await function.OutcomeOf(api.InvokeAsync("{}"));

        Assert.Equal($$"""{"pid":{{function.Id}}}""", first.Body);
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task Posts_a_handler_exception_as_an_error_with_its_type_and_goes_on()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(FunctionProcess.EnvironmentFor(api, Faults + "Throw"));

        var outcome = await function.OutcomeOf(api.InvokeAsync("""{"message":"boom"}"""));
        var again = await function.OutcomeOf(api.InvokeAsync("""{"message":"boom again"}"""));

        Assert.Equal(RuntimeOutcomeKind.Error, outcome.Kind);
        Assert.Equal("System.InvalidOperationException", outcome.ErrorTypeHeader);
        using var error = JsonDocument.Parse(outcome.Body);
        Assert.Equal("boom", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("System.InvalidOperationException", error.RootElement.GetProperty("errorType").GetString());
        var stack = error.RootElement.GetProperty("stackTrace").EnumerateArray().Select(line => line.GetString()!).ToList();
        Assert.Contains(stack, line => line.Contains("Functions.Diagnostics.Faults.Throw", StringComparison.Ordinal));
        Assert.Equal(RuntimeOutcomeKind.Error, again.Kind);
        Assert.Contains("boom again", again.Body);
        Assert.Contains("System.InvalidOperationException: boom", function.StandardError);
    }

    [Fact]
    public async Task Gives_the_handler_the_invocation_headers_and_the_function_environment()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(FunctionProcess.EnvironmentFor(api, Faults + "Context"));
        const string trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        var headers = new InvocationHeaders(
            TraceId: trace,
            ClientContext: """{"client":{"app_title":"lab"}}""",
            CognitoIdentity: """{"cognitoIdentityId":"id-1"}""",
            InvokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:TestFunction:live",
            Timeout: TimeSpan.FromSeconds(30));

        var traced = await function.OutcomeOf(api.InvokeAsync("request-1", "{}", headers));
        var untraced = await function.OutcomeOf(api.InvokeAsync("request-2", "{}"));

        using var context = JsonDocument.Parse(traced.Body);
        var root = context.RootElement;
        Assert.Equal("request-1", root.GetProperty("awsRequestId").GetString());
        Assert.Equal("TestFunction", root.GetProperty("functionName").GetString());
        Assert.Equal("$LATEST", root.GetProperty("functionVersion").GetString());
        Assert.Equal(headers.InvokedFunctionArn, root.GetProperty("invokedFunctionArn").GetString());
        Assert.Equal(256, root.GetProperty("memoryLimitInMB").GetInt32());
        Assert.Equal("/aws/lambda/TestFunction", root.GetProperty("logGroupName").GetString());
        Assert.Equal("2025/01/01/[$LATEST]0123456789abcdef", root.GetProperty("logStreamName").GetString());
        Assert.InRange(root.GetProperty("remainingTimeMs").GetInt64(), 1, 30_000);
        Assert.Equal(trace, root.GetProperty("traceId").GetString());
        Assert.Equal(trace, root.GetProperty("traceEnvironment").GetString());
        Assert.Equal(headers.ClientContext, root.GetProperty("clientContext").GetString());
        Assert.Equal(headers.CognitoIdentity, root.GetProperty("cognitoIdentity").GetString());
        using var next = JsonDocument.Parse(untraced.Body);
        Assert.Equal(JsonValueKind.Null, next.RootElement.GetProperty("traceEnvironment").ValueKind);
    }

    [Fact]
    public async Task Writes_the_log_marker_after_the_invocation_output_when_asked()
    {
        const string marker = "\u001e@@localcloud-done@@";
        await using var api = await FakeRuntimeApi.StartAsync();
        var environment = FunctionProcess.EnvironmentFor(api, Faults + "Log");
        environment["LOCALCLOUD_LOG_MARKER"] = marker;
        await using var function = FunctionProcess.Start(environment);

        var outcome = await function.OutcomeOf(api.InvokeAsync("request-1", """{"lines":["first","second"]}"""));
        await function.WaitForOutputAsync((stdout, stderr) => stdout.Contains(marker + "request-1\n") && stderr.Contains(marker + "request-1\n"), FunctionProcess.Patience);
        await function.OutcomeOf(api.InvokeAsync("request-2", """{"lines":["third"]}"""));
        await function.WaitForOutputAsync((stdout, _) => stdout.Contains(marker + "request-2\n"), FunctionProcess.Patience);

        Assert.Equal("""{"written":2}""", outcome.Body);
        Assert.Equal($"first\nsecond\n{marker}request-1\nthird\n{marker}request-2\n", function.StandardOutput);
        Assert.Equal($"{marker}request-1\n{marker}request-2\n", function.StandardError);
    }

    [Fact]
    public async Task Writes_nothing_of_its_own_without_the_log_marker()
    {
        var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(FunctionProcess.EnvironmentFor(api, Faults + "Log"));

        var outcome = await function.OutcomeOf(api.InvokeAsync("""{"lines":["first","second"]}"""));
        await api.DisposeAsync();
        await function.WaitForExitAsync(FunctionProcess.Patience);

        Assert.Equal("""{"written":2}""", outcome.Body);
        Assert.Equal("first\nsecond\n", function.StandardOutput);
    }

    [Fact]
    public async Task A_crashing_handler_ends_the_process_without_a_result()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(FunctionProcess.EnvironmentFor(api, Faults + "Crash"));

        var outcome = api.InvokeAsync("{}");
        var exitCode = await function.WaitForExitAsync(FunctionProcess.Patience);

        Assert.Equal(3, exitCode);
        Assert.Contains("Faults.Crash", function.StandardError);
        Assert.False(outcome.IsCompleted);
    }
}
