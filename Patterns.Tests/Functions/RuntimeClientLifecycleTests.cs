using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Patterns.Tests.Functions;

/// <summary>How a function process starts, fails to start, and ends.</summary>
public sealed class RuntimeClientLifecycleTests
{
    [Fact]
    public async Task Without_a_runtime_api_it_says_so_and_exits_non_zero()
    {
        await using var function = FunctionProcess.Start(new Dictionary<string, string?>
        {
            ["_HANDLER"] = "Functions::Functions.Diagnostics.Faults::Echo",
        });

        var exitCode = await function.WaitForExitAsync(FunctionProcess.Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("not running inside a Lambda runtime environment: AWS_LAMBDA_RUNTIME_API is not set", function.StandardError);
        Assert.Empty(function.StandardOutput);
    }

    [Theory]
    [InlineData("Functions::Functions.Diagnostics.NoSuchType::Echo", "Runtime.HandlerNotFound", "NoSuchType")]
    [InlineData("Functions::Functions.Diagnostics.Faults::NoSuchMethod", "Runtime.HandlerNotFound", "NoSuchMethod")]
    [InlineData("NoSuchAssembly::Functions.Diagnostics.Faults::Echo", "Runtime.HandlerNotFound", "NoSuchAssembly")]
    [InlineData("Functions.Diagnostics.Faults.Echo", "Runtime.MalformedHandlerName", "malformed")]
    [InlineData(null, "Runtime.MalformedHandlerName", "_HANDLER is not set")]
    public async Task A_handler_that_cannot_be_bound_is_an_init_error_and_the_process_exits(string? handler, string errorType, string messagePart)
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(FunctionProcess.EnvironmentFor(api, handler));

        var initError = await api.InitError.WaitAsync(FunctionProcess.Patience);
        var exitCode = await function.WaitForExitAsync(FunctionProcess.Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Equal(errorType, initError.ErrorTypeHeader);
        using var error = JsonDocument.Parse(initError.Body);
        Assert.Equal(errorType, error.RootElement.GetProperty("errorType").GetString());
        Assert.Contains(messagePart, error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, error.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.Contains(errorType, function.StandardError);
    }

    [Fact]
    public async Task An_event_type_without_a_generated_contract_fails_the_native_init_by_name()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var probe = FunctionProcess.Start(FunctionProcess.EnvironmentFor(api, "Functions::Functions.Diagnostics.Faults::Compilation"));
        var native = JsonDocument.Parse((await probe.OutcomeOf(api.InvokeAsync("{}"))).Body).RootElement.GetProperty("native").GetBoolean();
        await using var unlistedApi = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(FunctionProcess.EnvironmentFor(unlistedApi, "Functions::Functions.Diagnostics.Faults::Unlisted"));

        if (!native)
        {
            // On the JIT (-p:NativeFunctions=false) reflection makes the contract the build did not.
            var outcome = await function.OutcomeOf(unlistedApi.InvokeAsync("""{"name":"read by reflection"}"""));
            Assert.Equal("\"read by reflection\"", outcome.Body);
            return;
        }

        var initError = await unlistedApi.InitError.WaitAsync(FunctionProcess.Patience);
        Assert.Equal("Runtime.SerializationError", initError.ErrorTypeHeader);
        using var error = JsonDocument.Parse(initError.Body);
        Assert.Contains("Functions.Diagnostics.UnlistedEvent", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Contains("FunctionsJsonContext", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.NotEqual(0, await function.WaitForExitAsync(FunctionProcess.Patience));
    }

    [Fact]
    public async Task Exits_promptly_when_nothing_listens_at_the_runtime_api()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{ClosedPort()}",
            ["_HANDLER"] = "Functions::Functions.Diagnostics.Faults::Echo",
        };
        var clock = Stopwatch.StartNew();
        await using var function = FunctionProcess.Start(environment);

        var exitCode = await function.WaitForExitAsync(FunctionProcess.Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("unreachable", function.StandardError);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Exits_when_the_runtime_api_goes_away_while_it_waits_for_an_event()
    {
        var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(FunctionProcess.EnvironmentFor(api, "Functions::Functions.Diagnostics.Faults::Echo"));
        await function.OutcomeOf(api.InvokeAsync("{}"));

        await api.DisposeAsync();
        var exitCode = await function.WaitForExitAsync(FunctionProcess.Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("unreachable", function.StandardError);
    }

    /// <summary>A port that was free a moment ago and that nothing listens on now.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
