using System.Diagnostics;
using System.Text;

namespace Patterns.Tests.Functions;

/// <summary>
/// The real Functions executable, started through its <c>bootstrap</c> script as the local Lambda
/// service starts it, with its output captured. Disposing kills it (by its own pid) if it still runs.
/// </summary>
internal sealed class FunctionProcess : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly Task pumps;

    private FunctionProcess(Process process)
    {
        this.process = process;
        pumps = Task.WhenAll(PumpAsync(process.StandardOutput, stdout), PumpAsync(process.StandardError, stderr));
    }

    public int Id => process.Id;

    public string StandardOutput
    {
        get
        {
            lock (stdout)
            {
                return stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <param name="environment">Variables to set; a null value leaves the variable unset.</param>
    public static FunctionProcess Start(IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(FindBootstrap())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Nothing of the test host's AWS or Lambda settings may leak into the function's environment.
        string[] isolated = ["AWS_", "_HANDLER", "_X_AMZN_TRACE_ID", "LOCALCLOUD_", "TABLE_NAME"];
        foreach (var name in start.Environment.Keys.Where(name => isolated.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        return new FunctionProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."));
    }

    /// <summary>The usual environment of a function served by <paramref name="api"/>.</summary>
    public static Dictionary<string, string?> EnvironmentFor(FakeRuntimeApi api, string? handler) => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = api.Address,
        ["_HANDLER"] = handler,
        ["AWS_LAMBDA_FUNCTION_NAME"] = "TestFunction",
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
        ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/TestFunction",
        ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2025/01/01/[$LATEST]0123456789abcdef",
    };

    /// <returns>The exit code; fails the test when the process is still running after <paramref name="timeout"/>.</returns>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The function process was still running after {timeout.TotalSeconds:0} s.\nstdout: {StandardOutput}\nstderr: {StandardError}");
        }

        await pumps;
        return process.ExitCode;
    }

    /// <summary>Awaits an invocation's outcome, failing with the process's output when it exits or the deadline passes first.</summary>
    public async Task<RuntimeOutcome> OutcomeOf(Task<RuntimeOutcome> outcome)
    {
        var finished = await Task.WhenAny(outcome, process.WaitForExitAsync(), Task.Delay(Patience));
        if (finished != outcome)
        {
            Assert.Fail($"No outcome: the function process {(process.HasExited ? $"exited with {process.ExitCode}" : "is still busy")}.\nstdout: {StandardOutput}\nstderr: {StandardError}");
        }

        return await outcome;
    }

    /// <summary>Polls the captured output until <paramref name="condition"/> holds or the deadline passes.</summary>
    public async Task WaitForOutputAsync(Func<string, string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(StandardOutput, StandardError))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The function's output did not reach the expected state in {timeout.TotalSeconds:0} s.\nstdout: {StandardOutput}\nstderr: {StandardError}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        await pumps;
        process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }

    /// <summary>
    /// The Functions project's own output, as deployed: the copy the build puts beside the tests
    /// lacks the assemblies the test host gets from the ASP.NET Core shared framework.
    /// </summary>
    private static string FindBootstrap() => Path.Combine(Support.FunctionsBuild.Directory, "bootstrap");
}
