namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>A trace as the list shows it: its root (or earliest) span, extent, size, services and errors.</summary>
internal sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    ulong StartUnixNano,
    TimeSpan Duration,
    int SpanCount,
    int ErrorCount,
    IReadOnlyList<string> Services)
{
    public static TraceSummary Of(IReadOnlyList<TelemetrySpan> spans)
    {
        ArgumentOutOfRangeException.ThrowIfZero(spans.Count);
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var earliest = spans.MinBy(s => s.StartUnixNano)!;
        // The root is the span without a parent; before it arrives, the earliest span whose parent
        // is missing stands in for it.
        var root = spans.Where(s => s.ParentSpanId is null).MinBy(s => s.StartUnixNano)
            ?? spans.Where(s => !ids.Contains(s.ParentSpanId!)).MinBy(s => s.StartUnixNano)
            ?? earliest;
        var end = spans.Max(s => Math.Max(s.EndUnixNano, s.StartUnixNano));
        return new TraceSummary(
            earliest.TraceId,
            root.Name,
            root.ServiceName,
            earliest.StartUnixNano,
            UnixNanos.ToTimeSpan(end - earliest.StartUnixNano),
            spans.Count,
            spans.Count(s => s.IsError),
            spans.OrderBy(s => s.StartUnixNano).Select(s => s.ServiceName).Distinct(StringComparer.Ordinal).ToList());
    }
}
