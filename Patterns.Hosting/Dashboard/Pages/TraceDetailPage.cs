using System.Text;
using Patterns.Hosting.Dashboard.Telemetry;
using static Patterns.Hosting.Dashboard.Pages.Html;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>
/// One trace as a waterfall: a row per span, nested under its parent, its bar placed on the
/// trace's timeline in its resource's colour, errors outlined in red. A click opens the span's
/// details: attributes, events, links, the spans that link to it, and its resource.
/// </summary>
internal static class TraceDetailPage
{
    public static PageContent Render(TelemetryStore store, string traceId, string? openSpan)
    {
        var spans = store.GetTrace(traceId);
        if (spans.Count == 0)
        {
            return new PageContent("Trace not found", "",
                $"<div class=\"empty\">No trace {E(traceId)} is held: it may not have arrived yet, or it was dropped to keep the newest {Count(store.SpanCount)} spans. <a href=\"/traces\">All traces</a></div>",
                404);
        }
        var summary = TraceSummary.Of(spans);
        var start = summary.StartUnixNano;
        var total = Math.Max(1, (double)summary.Duration.Ticks);
        var rows = WaterfallRow.Order(spans);

        var body = new StringBuilder();
        body.Append($"<p class=\"summary-line\"><span class=\"mono\">{E(traceId)}</span> · started {Time(start)} · {Duration(summary.Duration)} · {summary.SpanCount} spans");
        if (summary.ErrorCount > 0)
            body.Append($" · <span class=\"error-text\">{summary.ErrorCount} error{(summary.ErrorCount == 1 ? "" : "s")}</span>");
        body.Append($" · {string.Join(" ", summary.Services.Select(s => Service(s, store.Colors)))}</p>");

        body.Append("<div class=\"wf\" id=\"waterfall\"><div class=\"wf-head\"><div>Span</div><div class=\"axis\">");
        for (var i = 0; i <= 4; i++)
            body.Append($"<span class=\"{(i == 0 ? "first" : i == 4 ? "last" : "")}\" style=\"left:{i * 25}%\">{(i == 0 ? "0" : Duration(summary.Duration * (i / 4.0)))}</span>");
        body.Append("</div></div>");

        foreach (var row in rows)
        {
            var span = row.Span;
            var left = Math.Clamp((span.StartUnixNano - Math.Min(span.StartUnixNano, start)) / 100.0 / total * 100, 0, 100);
            var width = Math.Clamp(span.Duration.Ticks / total * 100, 0, 100 - left);
            var open = span.SpanId == openSpan;
            var linkedFrom = store.GetLinkedFrom(span.Key);
            var detailId = $"detail-{span.SpanId}";
            body.Append($"<div class=\"wf-row{(open ? " open" : "")}{(span.IsError ? " error" : "")}\" id=\"span-{E(span.SpanId)}\" data-span=\"{E(span.SpanId)}\" data-parent=\"{E(span.ParentSpanId)}\" data-depth=\"{row.Depth}\" data-service=\"{E(span.ServiceName)}\" data-detail=\"{detailId}\">");
            body.Append($"<div class=\"wf-label\" style=\"padding-left:{8 + row.Depth * 18}px\" title=\"{E(span.ServiceName)}: {E(span.Name)}\">");
            body.Append($"<span class=\"dot\" style=\"background:{store.Colors.Of(span.ServiceName)}\"></span>");
            if (span.IsError)
                body.Append("<span class=\"err-icon\" title=\"Error\">!</span>");
            body.Append($"<span class=\"name\">{E(span.Name)}</span> <span class=\"svc\">{E(span.ServiceName)}</span>");
            if (span.Links.Length > 0)
                body.Append($"<span class=\"link-mark\" title=\"Links to other spans\">⇢ {span.Links.Length}</span>");
            if (linkedFrom.Count > 0)
                body.Append($"<span class=\"link-mark\" title=\"Linked from other spans\">⇠ {linkedFrom.Count}</span>");
            body.Append("</div><div class=\"wf-track\">");
            body.Append($"<div class=\"wf-bar{(span.IsError ? " error" : "")}\" style=\"left:{Percent(left)}%;width:{Percent(width)}%;background-color:{store.Colors.Of(span.ServiceName)}\"></div>");
            body.Append($"<span class=\"wf-dur\" style=\"left:{Percent(left + width)}%\">{Duration(span.Duration)}</span>");
            body.Append("</div></div>");
            body.Append($"<div class=\"wf-detail\" id=\"{detailId}\"{(open ? "" : " hidden")}>{Details(store, span, start, linkedFrom)}</div>");
        }
        body.Append("</div>");
        return new PageContent($"Trace: {summary.RootService}: {summary.RootName}", "<p><a href=\"/traces\">← All traces</a></p>", body.ToString());
    }

    private static string Details(TelemetryStore store, TelemetrySpan span, ulong traceStart, IReadOnlyList<SpanKey> linkedFrom)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"detail-grid\"><div><h3>Span</h3><table class=\"kv\">");
        void Row(string key, string valueHtml) => html.Append($"<tr><td>{E(key)}</td><td>{valueHtml}</td></tr>");
        Row("Name", E(span.Name));
        Row("Resource", Service(span.ServiceName, store.Colors));
        Row("Kind", E(span.Kind.ToString()));
        Row("Status", span.IsError ? $"<span class=\"error-text\">Error</span> {E(span.StatusMessage)}" : E(span.Status.ToString()));
        Row("Start", $"{Time(span.StartUnixNano)} (+{Duration(UnixNanos.ToTimeSpan(span.StartUnixNano - Math.Min(span.StartUnixNano, traceStart)))})");
        Row("Duration", Duration(span.Duration));
        Row("Span id", $"<span class=\"mono\">{E(span.SpanId)}</span>");
        Row("Parent span id", $"<span class=\"mono\">{E(span.ParentSpanId ?? "none (root)")}</span>");
        Row("Scope", E(span.ScopeName));
        html.Append("</table></div><div><h3>Attributes</h3>");
        html.Append(Attributes(span.Attributes));
        html.Append("</div>");

        if (span.Events.Length > 0)
        {
            html.Append("<div><h3>Events</h3><table class=\"kv\">");
            foreach (var e in span.Events)
            {
                var attributes = string.Join("  ", e.Attributes.Select(a => $"{a.Key}={a.Value}"));
                html.Append($"<tr><td>+{Duration(UnixNanos.ToTimeSpan(e.TimeUnixNano - Math.Min(e.TimeUnixNano, span.StartUnixNano)))}</td><td><b>{E(e.Name)}</b> <span class=\"mono\">{E(attributes)}</span></td></tr>");
            }
            html.Append("</table></div>");
        }
        if (span.Links.Length > 0)
        {
            html.Append("<div class=\"links\"><h3>Links</h3><table class=\"kv\">");
            foreach (var link in span.Links)
                html.Append($"<tr><td>{SpanReference(store, link.Target)}</td><td class=\"mono\">{E(string.Join("  ", link.Attributes.Select(a => $"{a.Key}={a.Value}")))}</td></tr>");
            html.Append("</table></div>");
        }
        if (linkedFrom.Count > 0)
        {
            html.Append("<div class=\"linked-from\"><h3>Linked from</h3><table class=\"kv\">");
            foreach (var source in linkedFrom)
                html.Append($"<tr><td colspan=\"2\">{SpanReference(store, source)}</td></tr>");
            html.Append("</table></div>");
        }
        html.Append($"<div><h3>Resource</h3>{Attributes(span.Resource.Attributes)}</div>");
        html.Append("</div>");
        return html.ToString();
    }

    private static string SpanReference(TelemetryStore store, SpanKey key)
    {
        var href = $"/traces/{E(key.TraceId)}{Query(("span", key.SpanId))}";
        return store.GetSpan(key) is { } span
            ? $"<a href=\"{href}\">{E(span.ServiceName)}: {E(span.Name)}</a> <span class=\"muted mono\">{E(key.TraceId[..Math.Min(8, key.TraceId.Length)])}</span>"
            : $"<a class=\"mono\" href=\"{href}\">{E(key.TraceId)} / {E(key.SpanId)}</a> <span class=\"muted\">(not held)</span>";
    }
}
