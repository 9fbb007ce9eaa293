using System.Collections.Concurrent;
using System.Diagnostics;

namespace Patterns.Tests.LocalCloud.Triggers.EventBridge;

/// <summary>Keeps every finished span of one local cloud's own sources (they are named after its edge port).</summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public SpanRecorder(int edgePort)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Patterns.LocalCloud.", StringComparison.Ordinal) && source.Name.EndsWith($".{edgePort}", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _spans.Where(s => s.TraceId == traceId)];

    public void Dispose() => _listener.Dispose();
}
