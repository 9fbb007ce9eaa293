using System.Text;
using Patterns.Hosting.Dashboard.Telemetry;
using static Patterns.Hosting.Dashboard.Pages.Html;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>What each function's processes write, one function at a time, following the end as lines arrive.</summary>
internal static class ConsolePage
{
    public static PageContent Render(TelemetryStore store, DashboardModel model, string? selected)
    {
        var functions = model.Resources.Where(r => r.Type == DashboardResource.FunctionType).Select(r => r.Name)
            .Concat(store.GetConsoleFunctions())
            .Distinct(StringComparer.Ordinal).ToList();
        if (functions.Count == 0)
            return new PageContent("Console logs", "", "<div class=\"empty\">No function has written anything yet.</div>");
        selected = functions.Contains(selected ?? "") ? selected! : functions[0];

        var tabs = string.Concat(functions.Select(f =>
            $"<a href=\"/console{Query(("resource", f))}\"{(f == selected ? " class=\"active\"" : "")}>{Service(f, store.Colors)}</a>"));
        var lines = store.GetConsole(selected);
        var body = new StringBuilder();
        body.Append($"<p class=\"summary-line\">{Count(lines.Count)} line{(lines.Count == 1 ? "" : "s")} from {E(selected)}</p>");
        body.Append($"<pre class=\"console\" data-function=\"{E(selected)}\">");
        if (lines.Count == 0)
            body.Append("<span class=\"t\">Nothing yet: a function process starts on its first invoke.</span>");
        foreach (var line in lines)
            body.Append($"<span class=\"t\">{Time(line.Time)}</span> {E(line.Text)}\n");
        body.Append("</pre>");
        return new PageContent("Console logs", $"<nav class=\"tabs\">{tabs}</nav>", body.ToString());
    }
}
