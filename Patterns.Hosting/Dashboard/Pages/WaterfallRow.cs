using Patterns.Hosting.Dashboard.Telemetry;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>A span in waterfall order with how deep it nests under the trace's roots.</summary>
internal sealed record WaterfallRow(TelemetrySpan Span, int Depth)
{
    /// <summary>
    /// Depth-first from each root, children by start time. A span whose parent has not arrived
    /// (or is in another trace) is a root of its own; a parent cycle is broken where it closes.
    /// </summary>
    public static IReadOnlyList<WaterfallRow> Order(IReadOnlyList<TelemetrySpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans.Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .GroupBy(s => s.ParentSpanId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.StartUnixNano).ToList(), StringComparer.Ordinal);
        var rows = new List<WaterfallRow>(spans.Count);
        var visited = new HashSet<string>(StringComparer.Ordinal);

        void Visit(TelemetrySpan span, int depth)
        {
            if (!visited.Add(span.SpanId))
                return;
            rows.Add(new WaterfallRow(span, depth));
            foreach (var child in children.GetValueOrDefault(span.SpanId) ?? [])
                Visit(child, depth + 1);
        }

        foreach (var root in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.StartUnixNano))
            Visit(root, 0);
        foreach (var rest in spans.OrderBy(s => s.StartUnixNano))
            Visit(rest, 0);
        return rows;
    }
}
