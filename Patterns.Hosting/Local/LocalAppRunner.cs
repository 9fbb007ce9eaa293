using System.Runtime.InteropServices;
using Patterns.Hosting.Model;
using Patterns.LocalCloud;

namespace Patterns.Hosting.Local;

/// <summary>
/// What an AppHost's Main does: parse the command line, start the model locally, print where
/// everything is, run until Ctrl+C (or SIGTERM), then stop every process it started.
/// </summary>
public static class LocalAppRunner
{
    /// <returns>The process exit code: 0 after a clean stop, 1 when start-up failed, 2 for a bad command line.</returns>
    public static async Task<int> RunAsync(AppModel model, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        output ??= Console.Out;
        error ??= Console.Error;

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

        LocalApp app;
        try
        {
            app = await LocalApp.StartAsync(model, new LocalAppOptions { LocalCloud = new LocalCloudOptions { EdgePort = commandLine.Port } }, stop.Token).ConfigureAwait(false);
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
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Stopping…").ConfigureAwait(false);
            }
        }
        return 0;
    }
}
