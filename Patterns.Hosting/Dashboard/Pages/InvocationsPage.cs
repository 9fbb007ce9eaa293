using System.Text;
using Patterns.Hosting.Dashboard.Telemetry;
using static Patterns.Hosting.Dashboard.Pages.Html;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>Per function: invocations, errors, p50/p99 duration and cold starts, from the functions' invocation spans.</summary>
internal static class InvocationsPage
{
    public static PageContent Render(TelemetryStore store, DashboardModel model)
    {
        var stats = store.GetInvocations().ToDictionary(s => s.Function, StringComparer.Ordinal);
        var instances = model.Resources.Where(r => r.Type == DashboardResource.FunctionType).ToDictionary(r => r.Name, r => r.InstanceCount, StringComparer.Ordinal);
        var functions = instances.Keys.Concat(stats.Keys).Distinct(StringComparer.Ordinal).ToList();
        if (functions.Count == 0)
            return new PageContent("Invocations", "", "<div class=\"empty\">The app has no functions, and no invocation spans have arrived.</div>");

        var body = new StringBuilder();
        body.Append("<table id=\"invocations\"><thead><tr><th>Function</th><th class=\"num\">Invocations</th><th class=\"num\">Errors</th><th class=\"num\">Error rate</th>");
        body.Append("<th class=\"num\">p50</th><th class=\"num\">p99</th><th class=\"num\">Cold starts</th><th class=\"num\">Mean cold start</th><th class=\"num\">Instances</th><th>Last invoked</th></tr></thead><tbody>");
        foreach (var function in functions)
        {
            var s = stats.GetValueOrDefault(function);
            var count = s?.Count ?? 0;
            body.Append($"<tr data-function=\"{E(function)}\"><td>{Service(function, store.Colors)}</td><td class=\"num\">{Count(count)}</td>");
            body.Append($"<td class=\"num\">{(s is { Errors: > 0 } ? $"<span class=\"error-text\">{Count(s.Errors)}</span>" : "0")}</td>");
            body.Append($"<td class=\"num\">{(count == 0 ? "" : Percent(100.0 * s!.Errors / count) + " %")}</td>");
            body.Append($"<td class=\"num\">{(count == 0 ? "" : Duration(s!.P50))}</td><td class=\"num\">{(count == 0 ? "" : Duration(s!.P99))}</td>");
            body.Append($"<td class=\"num\">{Count(s?.ColdStarts ?? 0)}</td><td class=\"num\">{(s?.AverageColdStart is { } cold ? Duration(cold) : "")}</td>");
            body.Append($"<td class=\"num\">{(instances.GetValueOrDefault(function) is { } n ? Count(n) : "")}</td>");
            body.Append($"<td class=\"mono\">{(s?.LastInvoked is { } last ? Time(last) : "")}</td></tr>");
        }
        body.Append("</tbody></table>");
        body.Append("<p class=\"muted\">Counts cover the whole run; p50 and p99 the last 1,000 invocations of each function.</p>");
        return new PageContent("Invocations", "", body.ToString());
    }
}
