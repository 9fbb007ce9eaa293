using Patterns.AwsClients.ApiGateway;
using ApiResource = Patterns.AwsClients.ApiGateway.Resource;
using RestApi = Patterns.Hosting.Model.RestApi;
using Route = Patterns.Hosting.Model.Route;

namespace Patterns.Hosting.Local;

/// <summary>
/// Brings a REST API to the model through the API Gateway control plane: finds the API by name
/// (or creates it), creates the missing resources along each route's path, puts each route's
/// method and its Lambda proxy integration where they differ, removes methods the model no
/// longer has, and deploys to the stage when anything changed or the stage is missing.
/// </summary>
/// <param name="freshCloud">
/// The API Gateway behind the client was started empty for this provisioning: an API is created
/// without first being looked for by name (one round trip less on the start's longest path).
/// </param>
internal sealed class RestApiProvisioner(ApiGatewayClient apiGateway, string region, Uri edgeUrl, bool freshCloud = false)
{
    private const string LambdaProxy = "AWS_PROXY";

    /// <summary>Both phases, for a caller that has the functions already.</summary>
    public async Task<ProvisionedRestApi> ProvisionAsync(RestApi api, IReadOnlyDictionary<string, ProvisionedFunction> functions, CancellationToken cancellationToken)
    {
        var draft = await PrepareAsync(api, cancellationToken).ConfigureAwait(false);
        return await CompleteAsync(draft, functions, new Dictionary<string, MethodAuthorization>(), authorizersChanged: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The part that needs no function: the API and the resources along its routes' paths. The
    /// orchestrator runs it while the functions are still being created.
    /// </summary>
    public async Task<RestApiDraft> PrepareAsync(RestApi api, CancellationToken cancellationToken)
    {
        var (restApi, changed) = await FindOrCreateAsync(api.Name, cancellationToken).ConfigureAwait(false);
        // A new API has its root and nothing else, and CreateRestApi names the root: no call to list them.
        var resources = changed && restApi.RootResourceId is { Length: > 0 } rootId
            ? new Dictionary<string, ApiResource>(StringComparer.Ordinal) { ["/"] = new ApiResource { Id = rootId, Path = "/" } }
            : (await apiGateway.GetAllResourcesAsync(restApi.Id, embedMethods: true, cancellationToken).ConfigureAwait(false))
                .ToDictionary(r => r.Path, StringComparer.Ordinal);
        foreach (var path in api.Routes.Select(r => r.Path).Distinct(StringComparer.Ordinal))
            changed |= await EnsureResourceAsync(restApi.Id, path, resources, cancellationToken).ConfigureAwait(false);
        return new RestApiDraft(api, restApi.Id, resources, changed);
    }

    /// <summary>The methods and integrations of the routes, stale methods removed, and the deployment to the stage.</summary>
    /// <param name="authorizations">The API's authorizers (see <see cref="AuthorizerProvisioner"/>) by name.</param>
    /// <param name="authorizersChanged">Whether an authorizer was created or changed, which takes a new deployment.</param>
    public async Task<ProvisionedRestApi> CompleteAsync(
        RestApiDraft draft, IReadOnlyDictionary<string, ProvisionedFunction> functions, IReadOnlyDictionary<string, MethodAuthorization> authorizations, bool authorizersChanged, CancellationToken cancellationToken)
    {
        var (api, restApiId, resources, changed) = draft;
        changed |= authorizersChanged;
        var methodChanges = await Task.WhenAll(api.Routes.Select(route =>
            EnsureMethodAsync(restApiId, resources[route.Path], route, functions[route.FunctionName],
                route.AuthorizerName is { } name ? authorizations[name] : MethodAuthorization.None, cancellationToken))).ConfigureAwait(false);
        changed |= methodChanges.Any(c => c);
        changed |= await RemoveStaleMethodsAsync(restApiId, api, resources.Values, cancellationToken).ConfigureAwait(false);

        if (changed || !await StageExistsAsync(restApiId, api.Stage, cancellationToken).ConfigureAwait(false))
        {
            await apiGateway.CreateDeploymentAsync(
                new CreateDeploymentRequest(restApiId) { StageName = api.Stage, Description = "Deployed by the local orchestrator" },
                cancellationToken).ConfigureAwait(false);
        }

        return new ProvisionedRestApi(
            api.Name,
            restApiId,
            api.Stage,
            new Uri(edgeUrl, $"_aws/execute-api/{restApiId}/{api.Stage}/"),
            new Uri(edgeUrl, $"restapis/{restApiId}/{api.Stage}/_user_request_/"));
    }

    /// <summary>The integration URI API Gateway invokes a function through.</summary>
    public static string LambdaIntegrationUri(string region, string functionArn) =>
        $"arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations";

    private async Task<(Patterns.AwsClients.ApiGateway.RestApi Api, bool Created)> FindOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        var existing = freshCloud
            ? []
            : (await apiGateway.GetAllRestApisAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.Name == name).ToList();
        return existing.Count switch
        {
            0 => (await apiGateway.CreateRestApiAsync(new CreateRestApiRequest(name), cancellationToken).ConfigureAwait(false), true),
            1 => (existing[0], false),
            _ => throw new InvalidOperationException(
                $"{existing.Count} REST APIs are named {name} ({string.Join(", ", existing.Select(a => a.Id))}); the model identifies APIs by name. Delete the extra ones (aws apigateway delete-rest-api --rest-api-id …)."),
        };
    }

    // Creates the missing resources from the root down; returns whether it created any.
    private async Task<bool> EnsureResourceAsync(string restApiId, string path, Dictionary<string, ApiResource> resources, CancellationToken cancellationToken)
    {
        var created = false;
        var parent = resources["/"];
        var current = "";
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current += "/" + part;
            if (!resources.TryGetValue(current, out var resource))
            {
                resource = await apiGateway.CreateResourceAsync(new CreateResourceRequest(restApiId, parent.Id, part), cancellationToken).ConfigureAwait(false);
                resources[current] = resource;
                created = true;
            }
            parent = resource;
        }
        return created;
    }

    // Puts the method and its integration unless both already are as the route wants.
    private async Task<bool> EnsureMethodAsync(
        string restApiId, ApiResource resource, Route route, ProvisionedFunction function, MethodAuthorization authorization, CancellationToken cancellationToken)
    {
        var uri = LambdaIntegrationUri(region, function.Arn);
        Method? existing = null;
        resource.ResourceMethods?.TryGetValue(route.Method, out existing);
        var sameAuthorization = existing is not null && existing.AuthorizationType == authorization.AuthorizationType
            && (existing.AuthorizerId ?? "") == (authorization.AuthorizerId ?? "");
        if (sameAuthorization && existing!.MethodIntegration is { Type: LambdaProxy, IntegrationHttpMethod: "POST" } integration && integration.Uri == uri)
            return false;

        if (existing is not null && !sameAuthorization)
        {
            // PutMethod refuses an existing method (ConflictException): replace it.
            await apiGateway.DeleteMethodAsync(restApiId, resource.Id, route.Method, cancellationToken).ConfigureAwait(false);
            existing = null;
        }
        if (existing is null)
        {
            await apiGateway.PutMethodAsync(
                new PutMethodRequest(restApiId, resource.Id, route.Method, authorization.AuthorizationType) { AuthorizerId = authorization.AuthorizerId },
                cancellationToken).ConfigureAwait(false);
        }
        await apiGateway.PutIntegrationAsync(
            new PutIntegrationRequest(restApiId, resource.Id, route.Method, LambdaProxy) { IntegrationHttpMethod = "POST", Uri = uri },
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> RemoveStaleMethodsAsync(string restApiId, RestApi api, IEnumerable<ApiResource> resources, CancellationToken cancellationToken)
    {
        var wanted = api.Routes.Select(r => (r.Path, r.Method)).ToHashSet();
        var stale = resources
            .SelectMany(r => (r.ResourceMethods?.Keys ?? Enumerable.Empty<string>()).Select(method => (Resource: r, Method: method)))
            .Where(m => !wanted.Contains((m.Resource.Path, m.Method)))
            .ToList();
        await Task.WhenAll(stale.Select(m => apiGateway.DeleteMethodAsync(restApiId, m.Resource.Id, m.Method, cancellationToken))).ConfigureAwait(false);
        return stale.Count > 0;
    }

    private async Task<bool> StageExistsAsync(string restApiId, string stage, CancellationToken cancellationToken) =>
        (await apiGateway.GetStagesAsync(restApiId, cancellationToken).ConfigureAwait(false)).Item.Any(s => s.StageName == stage && s.DeploymentId is not null);
}
