using System.Globalization;

namespace Functions.Runtime.Logging;

/// <summary>Writes to standard output, which the Lambda service (or the local host) turns into log events.</summary>
internal sealed class ConsoleLambdaLogger(string requestId, TimeProvider time) : ILambdaLogger
{
    public void LogLine(string message) => Console.Out.WriteLine(message);

    public void LogInformation(string message) => Write("info", message);

    public void LogWarning(string message) => Write("warn", message);

    public void LogError(string message) => Write("fail", message);

    private void Write(string level, string message)
    {
        var timestamp = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        Console.Out.WriteLine($"{timestamp}\t{requestId}\t{level}\t{message}");
    }
}
