using System.Text;
using Patterns.Hosting.Dashboard.Telemetry;
using static Patterns.Hosting.Dashboard.Pages.Html;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>The latest value of each metric series (resource, name, attributes).</summary>
internal static class MetricsPage
{
    public static PageContent Render(TelemetryStore store, string? resource)
    {
        var latest = store.GetMetrics()
            .Where(p => string.IsNullOrEmpty(resource) || p.Resource.ServiceName == resource)
            .GroupBy(p => (Service: p.Resource.ServiceName, p.Name, Attributes: string.Join(", ", p.Attributes.Select(a => $"{a.Key}={a.Value}"))))
            .Select(g => g.MaxBy(p => p.TimeUnixNano)!)
            .OrderBy(p => p.Resource.ServiceName, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var controls = $"""
            <form class="filters" method="get" action="/metrics">
            <select name="resource" aria-label="Resource">{Options(store.GetMetrics().Select(p => p.Resource.ServiceName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), resource, "All resources")}</select>
            <button type="submit">Filter</button>
            </form>
            """;
        if (latest.Count == 0)
            return new PageContent("Metrics", controls, "<div class=\"empty\">No metrics have arrived.</div>");
        var body = new StringBuilder();
        body.Append("<table id=\"metrics\"><thead><tr><th>Resource</th><th>Metric</th><th>Attributes</th><th>Type</th><th class=\"num\">Latest</th><th>Unit</th><th>At</th></tr></thead><tbody>");
        foreach (var p in latest)
        {
            body.Append($"<tr><td>{Service(p.Resource.ServiceName, store.Colors)}</td><td class=\"mono\">{E(p.Name)}</td>");
            body.Append($"<td class=\"mono muted\">{E(string.Join("  ", p.Attributes.Select(a => $"{a.Key}={a.Value}")))}</td><td>{E(p.Type)}</td>");
            body.Append($"<td class=\"num\">{E(p.Value)}</td><td>{E(p.Unit)}</td><td class=\"mono\">{Time(p.TimeUnixNano)}</td></tr>");
        }
        body.Append("</tbody></table>");
        return new PageContent("Metrics", controls, body.ToString());
    }
}
