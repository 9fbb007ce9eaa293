using System.Text;
using Patterns.Hosting.Dashboard.Telemetry;
using static Patterns.Hosting.Dashboard.Pages.Html;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>Log records from every process, newest first, filtered by resource, lowest level and text; each links to its trace.</summary>
internal static class StructuredLogsPage
{
    private const int Shown = 500;

    public static PageContent Render(TelemetryStore store, string? resource, string? level, string? text)
    {
        var minimum = LogLevelName.Parse(level);
        var matching = store.GetLogs()
            .Where(l => string.IsNullOrEmpty(resource) || l.ServiceName == resource)
            .Where(l => minimum is null || l.Level.Lowest >= minimum.Lowest)
            .Where(l => string.IsNullOrEmpty(text) || Matches(l, text))
            .Reverse().ToList();

        var controls = $"""
            <form class="filters" method="get" action="/logs">
            <select name="resource" aria-label="Resource">{Options(store.GetServices(), resource, "All resources")}</select>
            <select name="level" aria-label="Lowest level">{Options(LogLevelName.All.Select(l => l.Name), minimum?.Name, "All levels")}</select>
            <input type="search" name="q" value="{E(text)}" placeholder="Text in the message or attributes" aria-label="Text">
            <button type="submit">Filter</button>
            </form>
            """;

        var body = new StringBuilder();
        body.Append($"<p class=\"summary-line\">{Count(matching.Count)} record{(matching.Count == 1 ? "" : "s")}{(matching.Count > Shown ? $", the newest {Shown} shown" : "")}</p>");
        if (matching.Count == 0)
        {
            body.Append("<div class=\"empty\">No log records match.</div>");
            return new PageContent("Structured logs", controls, body.ToString());
        }
        body.Append("<table id=\"logs\"><thead><tr><th>Time</th><th>Resource</th><th>Level</th><th>Message</th><th>Trace</th></tr></thead><tbody>");
        foreach (var record in matching.Take(Shown))
        {
            var levelClass = record.Level.Lowest >= LogLevelName.Error.Lowest ? "error" : record.Level == LogLevelName.Warning ? "warn" : "";
            body.Append($"<tr><td class=\"mono\">{Time(record.TimeUnixNano)}</td><td>{Service(record.ServiceName, store.Colors)}</td>");
            body.Append($"<td><span class=\"badge {levelClass}\">{E(record.Level.Name)}</span></td><td>{E(record.Body)}");
            // .NET's loggers add the message template as an attribute; the message already shows it filled in.
            var attributes = record.Attributes.Where(a => a.Key != "{OriginalFormat}").ToList();
            if (attributes.Count > 0)
                body.Append($"<div class=\"muted mono\">{E(string.Join("  ", attributes.Select(a => $"{a.Key}={a.Value}")))}</div>");
            body.Append("</td><td>");
            if (record.TraceId is not null)
                body.Append($"<a class=\"mono\" href=\"/traces/{E(record.TraceId)}{Query(("span", record.SpanId))}\">{E(record.TraceId[..8])}</a>");
            body.Append("</td></tr>");
        }
        body.Append("</tbody></table>");
        return new PageContent("Structured logs", controls, body.ToString());
    }

    private static bool Matches(TelemetryLogRecord record, string text) =>
        record.Body.Contains(text, StringComparison.OrdinalIgnoreCase)
        || record.Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase) || a.Key.Contains(text, StringComparison.OrdinalIgnoreCase));
}
