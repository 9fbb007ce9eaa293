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
        // An explicit stack rather than recursion: a trace's depth is whatever its sender made it.
        var pending = new Stack<(TelemetrySpan Span, int Depth)>();
        var roots = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.StartUnixNano);
        foreach (var start in roots.Concat(spans.OrderBy(s => s.StartUnixNano)))
        {
            pending.Push((start, 0));
            while (pending.TryPop(out var next))
            {
                if (!visited.Add(next.Span.SpanId))
                    continue;
                rows.Add(new WaterfallRow(next.Span, next.Depth));
                var below = children.GetValueOrDefault(next.Span.SpanId) ?? [];
                for (var i = below.Count - 1; i >= 0; i--)
                    pending.Push((below[i], next.Depth + 1));
            }
        }
        return rows;
    }
}
