namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// Resolves a request to a resource and method as REST APIs do: among the resources whose
/// template fits the path and that define the request's method or ANY, the most specific wins
/// (literal segments beat {param}, which beats {proxy+}); on that resource the exact method
/// beats ANY. No match is API Gateway's 403 "Missing Authentication Token".
/// </summary>
internal sealed class RouteTable
{
    public const string AnyMethod = "ANY";

    private readonly (ApiResource Resource, RouteTemplate Template)[] _routes;

    public RouteTable(IEnumerable<ApiResource> resources) =>
        _routes = resources.Select(resource => (resource, RouteTemplate.Parse(resource.Path))).ToArray();

    /// <param name="resourcePath">The request path after the stage, percent-encoded as sent.</param>
    public RouteMatch? Match(string httpMethod, string resourcePath)
    {
        var segments = RouteTemplate.SplitPath(resourcePath);
        RouteMatch? best = null;
        RouteTemplate? bestTemplate = null;
        foreach (var (resource, template) in _routes)
        {
            if (!resource.Methods.TryGetValue(httpMethod, out var method) && !resource.Methods.TryGetValue(AnyMethod, out method))
                continue;
            if (!template.TryMatch(segments, out var parameters))
                continue;
            if (bestTemplate is not null && template.CompareSpecificity(bestTemplate) >= 0)
                continue;
            best = new RouteMatch(resource, method, parameters.Count == 0 ? null : parameters);
            bestTemplate = template;
        }
        return best;
    }
}
