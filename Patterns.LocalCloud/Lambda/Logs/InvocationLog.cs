using System.Text;

namespace Patterns.LocalCloud.Lambda.Logs;

/// <summary>
/// The log of one invocation as AWS writes it: START, what the function wrote, END and REPORT.
/// Complete when the runtime's end-of-invocation marker has come through both stdout and stderr,
/// or when the platform ends the invocation itself (timeout, crash).
/// </summary>
internal sealed class InvocationLog(string requestId, string version)
{
    private const int TailBytes = 4096;

    private readonly List<LogEvent> _events = [LogEvent.Now($"START RequestId: {requestId} Version: {version}")];
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _markersSeen;

    public string RequestId { get; } = requestId;

    /// <summary>Completes when every line of the invocation has been captured.</summary>
    public Task Completion => _complete.Task;

    public void Add(LogEvent line)
    {
        lock (_events)
            _events.Add(line);
    }

    /// <summary>The runtime wrote its end marker on one of its two streams.</summary>
    public void MarkerSeen()
    {
        if (Interlocked.Increment(ref _markersSeen) >= 2)
            _complete.TrySetResult();
    }

    /// <summary>No more output will come for this invocation (the platform ended it, or the next one started).</summary>
    public void Close() => _complete.TrySetResult();

    /// <summary>Appends END and REPORT and returns every event, in order.</summary>
    public IReadOnlyList<LogEvent> Finish(InvocationReport report)
    {
        lock (_events)
        {
            _events.Add(LogEvent.Now($"END RequestId: {RequestId}"));
            _events.Add(LogEvent.Now(report.ToLogLine(RequestId)));
            return [.. _events];
        }
    }

    /// <summary>The last 4 KB of the log text, as X-Amz-Log-Result carries it (before base64).</summary>
    public static string Tail(IReadOnlyList<LogEvent> events)
    {
        var text = string.Concat(events.Select(e => e.Message + "\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= TailBytes)
            return text;
        var start = bytes.Length - TailBytes;
        while (start < bytes.Length && (bytes[start] & 0xC0) == 0x80)
            start++; // do not begin inside a UTF-8 sequence
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}
