namespace Patterns.Hosting.Model;

/// <summary>The fluent settings of a REST API.</summary>
public static class RestApiBuilderExtensions
{
    /// <summary>Sends <paramref name="method"/> requests on <paramref name="path"/> to <paramref name="function"/> (Lambda proxy integration).</summary>
    public static ResourceBuilder<RestApi> WithRoute(this ResourceBuilder<RestApi> api, string method, string path, ResourceBuilder<Function> function)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(method);
        if (function.App != api.App)
            throw new ArgumentException($"REST API {api.Name}: function {function.Name} belongs to another model.", nameof(function));
        method = method.ToUpperInvariant();
        ModelRules.Route(api.Name, method, path);
        return api.Update(a =>
        {
            if (a.Routes.Any(r => r.Method == method && string.Equals(r.Path, path, StringComparison.Ordinal)))
                throw new ArgumentException($"REST API {api.Name} already has a route {method} {path}.", nameof(path));
            return a with { Routes = a.Routes.Add(new Route(method, path, function.Name)) };
        });
    }
}
