using System.Text;
using Patterns.Hosting.Dashboard.Telemetry;
using static Patterns.Hosting.Dashboard.Pages.Html;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>Every resource of the model with its state, URLs, environment and instances, then the graph of its edges.</summary>
internal static class ResourcesPage
{
    public static PageContent Render(DashboardModel model, ServiceColors colors)
    {
        var body = new StringBuilder();
        if (model.Resources.Count == 0)
        {
            body.Append("<div class=\"empty\">The app declares no resources yet.</div>");
            return new PageContent("Resources", "", body.ToString());
        }
        body.Append("<table id=\"resources\"><thead><tr><th>Name</th><th>Type</th><th>State</th><th>URLs</th><th class=\"num\">Instances</th><th>Environment</th><th>Details</th></tr></thead><tbody>");
        foreach (var resource in model.Resources)
        {
            body.Append($"<tr data-resource=\"{E(resource.Name)}\"><td>{Service(resource.Name, colors)}</td><td>{E(resource.Type)}</td><td>{State(resource.State)}</td><td>");
            foreach (var link in resource.Urls)
                body.Append($"<div><span class=\"muted\">{E(link.Label)}</span> <a class=\"mono\" href=\"{E(link.Url)}\">{E(link.Url)}</a></div>");
            body.Append($"</td><td class=\"num\">{(resource.InstanceCount is { } instances ? Count(instances) : "")}</td><td>");
            body.Append(Dictionary(resource.Environment, "variable", "variables"));
            body.Append("</td><td>");
            body.Append(Dictionary(resource.Properties, "property", "properties"));
            body.Append("</td></tr>");
        }
        body.Append("</tbody></table>");
        body.Append("<h2>Graph</h2>");
        body.Append(ResourceGraph.Render(model, colors));
        return new PageContent("Resources", "", body.ToString());
    }

    private static string State(string state)
    {
        var kind = state.ToLowerInvariant() switch
        {
            "running" or "provisioned" or "ready" or "active" or "healthy" => "ok",
            "starting" or "provisioning" or "pending" or "stopping" => "warn",
            "failed" or "error" or "exited" or "unhealthy" => "error",
            _ => "",
        };
        return $"<span class=\"badge {kind}\">{E(state)}</span>";
    }

    private static string Dictionary(IReadOnlyDictionary<string, string> values, string one, string many)
    {
        if (values.Count == 0)
            return "<span class=\"muted\">none</span>";
        var rows = string.Concat(values.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"<tr><td class=\"mono\">{E(v.Key)}</td><td class=\"mono\">{E(v.Value)}</td></tr>"));
        return $"<details><summary>{values.Count} {(values.Count == 1 ? one : many)}</summary><table class=\"kv\">{rows}</table></details>";
    }
}
