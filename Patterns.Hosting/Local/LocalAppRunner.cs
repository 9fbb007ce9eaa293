using System.Diagnostics;
using System.Runtime.InteropServices;
using Patterns.AwsClients.CloudFormation;
using Patterns.AwsClients.Core;
using Patterns.Hosting.Model;
using Patterns.LocalCloud;

namespace Patterns.Hosting.Local;

/// <summary>
/// What an AppHost's Main does: parse the command line, then either start the model locally
/// (<c>--backend local</c>, the default) or read it from its deployed stack (<c>--backend aws</c>),
/// print where everything is, and run until Ctrl+C (or SIGTERM) — or exit at once with
/// <c>--once</c> — stopping every process it started.
/// </summary>
public static class LocalAppRunner
{
    /// <returns>The process exit code: 0 after a clean stop, 1 when start-up failed, 2 for a bad command line.</returns>
    public static Task<int> RunAsync(AppModel model, string[] args, TextWriter? output = null, TextWriter? error = null) =>
        RunAsync(model, args, output ?? Console.Out, error ?? Console.Error, Environment.GetEnvironmentVariable);

    /// <param name="environment">Where the AWS backend reads its endpoint, region and keys (a variable's name to its value).</param>
    internal static async Task<int> RunAsync(AppModel model, string[] args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(model);

        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }
        if (commandLine.Help)
        {
            await output.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // we stop ourselves, after disposing what we started
            stop.Cancel();
        }

        return commandLine.Backend == Backend.Aws
            ? await ShowDeployedAsync(model, commandLine, output, error, environment, stop.Token).ConfigureAwait(false)
            : await RunLocallyAsync(model, commandLine, output, error, stop.Token).ConfigureAwait(false);
    }

    private static async Task<int> RunLocallyAsync(AppModel model, CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken stop)
    {
        LocalApp app;
        try
        {
            app = await LocalApp.StartAsync(model, new LocalAppOptions { LocalCloud = new LocalCloudOptions { EdgePort = commandLine.Port }, DashboardPort = commandLine.DashboardPort }, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await output.WriteLineAsync("Stopped while starting.").ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ProvisioningException or AggregateException or TimeoutException)
        {
            await error.WriteLineAsync($"Could not start: {exception.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            StartupReport.Write(output, app);
            await RunUntilStoppedAsync(commandLine, output, stop).ConfigureAwait(false);
        }
        return 0;
    }

    // Nothing is started: the deployed app runs in AWS; this process only shows it (and, later, watches it).
    private static async Task<int> ShowDeployedAsync(AppModel model, CommandLine commandLine, TextWriter output, TextWriter error, Func<string, string?> environment, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        DeployedApp app;
        try
        {
            using var cloudFormation = new CloudFormationClient(new AwsClientOptions { Environment = environment, RequestTimeout = TimeSpan.FromSeconds(30) });
            app = await DeployedAppReader.ReadAsync(model, cloudFormation, commandLine.StackName, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await output.WriteLineAsync("Stopped while reading the stack.").ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (exception is DeployedStackException or HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            // TaskCanceledException without a stop request: HttpClient's per-attempt timeout.
            await error.WriteLineAsync($"Could not read the deployed app: {exception.Message}").ConfigureAwait(false);
            return 1;
        }

        StartupReport.Write(output, model, app, clock.Elapsed);
        await RunUntilStoppedAsync(commandLine, output, stop).ConfigureAwait(false);
        return 0;
    }

    private static async Task RunUntilStoppedAsync(CommandLine commandLine, TextWriter output, CancellationToken stop)
    {
        if (commandLine.Once)
            return;
        await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("Stopping…").ConfigureAwait(false);
        }
    }
}
