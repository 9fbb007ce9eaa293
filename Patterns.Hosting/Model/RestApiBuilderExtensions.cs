namespace Patterns.Hosting.Model;

/// <summary>The fluent settings of a REST API.</summary>
public static class RestApiBuilderExtensions
{
    /// <summary>
    /// Sends <paramref name="method"/> requests on <paramref name="path"/> to <paramref name="function"/>
    /// (Lambda proxy integration), behind <paramref name="authorizer"/> when one is named.
    /// </summary>
    /// <param name="authorizer">An authorizer declared on this API (WithTokenAuthorizer, WithCognitoAuthorizer); null = open.</param>
    public static ResourceBuilder<RestApi> WithRoute(this ResourceBuilder<RestApi> api, string method, string path, ResourceBuilder<Function> function, string? authorizer = null)
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
            if (authorizer is not null && a.Authorizers.All(x => x.Name != authorizer))
                throw new ArgumentException(
                    $"REST API {api.Name}: route {method} {path} names authorizer '{authorizer}', which the API does not have; declare it first with WithTokenAuthorizer or WithCognitoAuthorizer.",
                    nameof(authorizer));
            return a with { Routes = a.Routes.Add(new Route(method, path, function.Name, authorizer)) };
        });
    }

    /// <summary>
    /// A Lambda TOKEN authorizer: <paramref name="function"/> gets the <paramref name="header"/>
    /// value and the method ARN and answers with an IAM policy, which API Gateway caches per
    /// token for <paramref name="resultTtl"/> (default 5 minutes).
    /// </summary>
    public static ResourceBuilder<RestApi> WithTokenAuthorizer(
        this ResourceBuilder<RestApi> api, string name, ResourceBuilder<Function> function, string header = "Authorization", TimeSpan? resultTtl = null, string? validationExpression = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(function);
        if (function.App != api.App)
            throw new ArgumentException($"REST API {api.Name}: authorizer function {function.Name} belongs to another model.", nameof(function));
        return AddAuthorizer(api, new ApiAuthorizer(name, AuthorizerKind.Token, function.Name, header, resultTtl ?? ApiAuthorizer.DefaultResultTtl)
        {
            ValidationExpression = validationExpression,
        });
    }

    /// <summary>A COGNITO_USER_POOLS authorizer: API Gateway accepts the ID tokens that <paramref name="userPool"/> issued.</summary>
    public static ResourceBuilder<RestApi> WithCognitoAuthorizer(
        this ResourceBuilder<RestApi> api, string name, ResourceBuilder<UserPool> userPool, string header = "Authorization", TimeSpan? resultTtl = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(userPool);
        if (userPool.App != api.App)
            throw new ArgumentException($"REST API {api.Name}: user pool {userPool.Name} belongs to another model.", nameof(userPool));
        return AddAuthorizer(api, new ApiAuthorizer(name, AuthorizerKind.CognitoUserPools, userPool.Name, header, resultTtl ?? ApiAuthorizer.DefaultResultTtl));
    }

    private static ResourceBuilder<RestApi> AddAuthorizer(ResourceBuilder<RestApi> api, ApiAuthorizer authorizer)
    {
        ModelRules.Authorizer(api.Name, authorizer);
        return api.Update(a =>
        {
            if (a.Authorizers.Any(x => x.Name == authorizer.Name))
                throw new ArgumentException($"REST API {api.Name} already has an authorizer named {authorizer.Name}.", nameof(authorizer));
            return a with { Authorizers = a.Authorizers.Add(authorizer) };
        });
    }
}
