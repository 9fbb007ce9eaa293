namespace Patterns.LocalCloud.Lambda.Logs;

/// <summary>One CloudWatch Logs event: epoch milliseconds and the message.</summary>
internal readonly record struct LogEvent(long Timestamp, string Message)
{
    public static LogEvent Now(string message) => new(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), message);
}
