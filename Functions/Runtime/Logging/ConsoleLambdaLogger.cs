using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Functions.Runtime.Logging;

/// <summary>
/// Writes to standard output, which the Lambda service (or the local host) turns into log events,
/// and, when telemetry is on, to <paramref name="telemetryLog"/> as well.
/// </summary>
internal sealed class ConsoleLambdaLogger(string requestId, TimeProvider time, ILogger? telemetryLog = null) : ILambdaLogger
{
    public void LogLine(string message)
    {
        Console.Out.WriteLine(message);
        Export(LogLevel.Information, message);
    }

    public void LogInformation(string message) => Write(LogLevel.Information, "info", message);

    public void LogWarning(string message) => Write(LogLevel.Warning, "warn", message);

    public void LogError(string message) => Write(LogLevel.Error, "fail", message);

    private void Write(LogLevel level, string levelName, string message)
    {
        var timestamp = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        Console.Out.WriteLine($"{timestamp}\t{requestId}\t{levelName}\t{message}");
        Export(level, message);
    }

    /// <summary>The message as it is: a handler's text is not a message template.</summary>
    private void Export(LogLevel level, string message) =>
        telemetryLog?.Log(level, default, message, null, static (text, _) => text);
}
