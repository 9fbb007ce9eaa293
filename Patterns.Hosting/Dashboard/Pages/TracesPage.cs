using System.Text;
using Patterns.Hosting.Dashboard.Telemetry;
using static Patterns.Hosting.Dashboard.Pages.Html;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>Traces newest first with their services, size, errors and duration; searched by id, span name, service or attribute value.</summary>
internal static class TracesPage
{
    private const int Shown = 200;

    public static PageContent Render(TelemetryStore store, string? resource, string? text)
    {
        var traces = store.GetTraces(spans =>
            (string.IsNullOrEmpty(resource) || spans.Any(s => s.ServiceName == resource))
            && (string.IsNullOrEmpty(text) || spans.Any(s => Matches(s, text))));

        var controls = $"""
            <form class="filters" method="get" action="/traces">
            <select name="resource" aria-label="Resource">{Options(store.GetServices(), resource, "All resources")}</select>
            <input type="search" name="q" value="{E(text)}" placeholder="Trace id, span name or attribute value" aria-label="Search">
            <button type="submit">Search</button>
            </form>
            """;

        var body = new StringBuilder();
        body.Append($"<p class=\"summary-line\">{Count(traces.Count)} trace{(traces.Count == 1 ? "" : "s")}{(traces.Count > Shown ? $", the newest {Shown} shown" : "")}</p>");
        if (traces.Count == 0)
        {
            body.Append("<div class=\"empty\">No traces match.</div>");
            return new PageContent("Traces", controls, body.ToString());
        }
        var longest = traces.Take(Shown).Max(t => t.Duration.Ticks);
        body.Append("<table id=\"traces\"><thead><tr><th>Start</th><th>Trace</th><th>Resources</th><th class=\"num\">Spans</th><th class=\"num\">Errors</th><th class=\"num\">Duration</th><th></th></tr></thead><tbody>");
        foreach (var trace in traces.Take(Shown))
        {
            var width = longest == 0 ? 0 : 100.0 * trace.Duration.Ticks / longest;
            body.Append($"<tr data-trace=\"{E(trace.TraceId)}\"><td class=\"mono\">{Time(trace.StartUnixNano)}</td>");
            body.Append($"<td><a href=\"/traces/{E(trace.TraceId)}\">{E(trace.RootService)}: {E(trace.RootName)}</a> <span class=\"muted mono\">{E(trace.TraceId[..8])}</span></td>");
            body.Append($"<td>{string.Join(" ", trace.Services.Select(s => Service(s, store.Colors)))}</td>");
            body.Append($"<td class=\"num\">{trace.SpanCount}</td>");
            body.Append($"<td class=\"num\">{(trace.ErrorCount > 0 ? $"<span class=\"badge error\">{trace.ErrorCount}</span>" : "")}</td>");
            body.Append($"<td class=\"num\">{Duration(trace.Duration)}</td>");
            body.Append($"<td class=\"bar-cell\"><div class=\"bar\" style=\"width:{Percent(width)}%;background:{(trace.ErrorCount > 0 ? "var(--error)" : store.Colors.Of(trace.RootService))}\"></div></td></tr>");
        }
        body.Append("</tbody></table>");
        return new PageContent("Traces", controls, body.ToString());
    }

    private static bool Matches(TelemetrySpan span, string text) =>
        span.TraceId.StartsWith(text, StringComparison.OrdinalIgnoreCase)
        || span.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || span.ServiceName.Contains(text, StringComparison.OrdinalIgnoreCase)
        || span.Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase));
}
