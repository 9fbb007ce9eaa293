using System.Text.Json.Nodes;
using Patterns.LocalCloud.ApiGateway.Authorizers;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// Reads a REST API's stage from moto's API Gateway control plane: GET /restapis/{id} (binary
/// media types), /restapis/{id}/stages/{stage} (stage variables),
/// /restapis/{id}/resources?embed=methods (resources with their methods and integrations) and
/// /restapis/{id}/authorizers.
/// moto keeps no snapshot per deployment, so this is the API's current definition.
/// </summary>
internal sealed class ApiDefinitionLoader(MotoClient moto)
{
    private const string Service = "apigateway";

    public async Task<ApiLookup> LoadAsync(string apiId, string stage, CancellationToken cancellationToken)
    {
        var escapedId = Uri.EscapeDataString(apiId);
        var apiRead = moto.GetJsonAsync(Service, $"/restapis/{escapedId}", cancellationToken);
        if (stage.Length == 0)
            return await apiRead.ConfigureAwait(false) is null ? ApiLookup.ApiNotFound : ApiLookup.StageNotFound;

        // The reads do not depend on each other: made at once, a first request (or the first
        // after a change) waits for one round trip to moto instead of four.
        var stageRead = moto.GetJsonAsync(Service, $"/restapis/{escapedId}/stages/{Uri.EscapeDataString(stage)}", cancellationToken);
        var resourcesRead = LoadResourcesAsync(escapedId, cancellationToken);
        var authorizersRead = LoadAuthorizersAsync(escapedId, cancellationToken);
        await Task.WhenAll(apiRead, stageRead, resourcesRead, authorizersRead).ConfigureAwait(false);

        // An API deleted while it was read is as missing as one that never was.
        if (await apiRead.ConfigureAwait(false) is not { } api || await resourcesRead.ConfigureAwait(false) is not { } resources
            || await authorizersRead.ConfigureAwait(false) is not { } authorizers)
            return ApiLookup.ApiNotFound;
        if (await stageRead.ConfigureAwait(false) is not { } stageNode)
            return ApiLookup.StageNotFound;
        var variables = StringMap(stageNode["variables"]);
        return ApiLookup.Found(new DeployedApi(
            apiId,
            stage,
            variables.Count == 0 ? null : variables,
            StringList(api["binaryMediaTypes"]),
            new RouteTable(resources),
            authorizers));
    }

    /// <returns>null when the API is not there (moto answers 404 to the first page).</returns>
    private async Task<Dictionary<string, ApiAuthorizer>?> LoadAuthorizersAsync(string escapedId, CancellationToken cancellationToken)
    {
        var authorizers = new Dictionary<string, ApiAuthorizer>(StringComparer.Ordinal);
        string? position = null;
        do
        {
            var query = position is null ? "" : "&position=" + Uri.EscapeDataString(position);
            var page = await moto.GetJsonAsync(Service, $"/restapis/{escapedId}/authorizers?limit=500{query}", cancellationToken).ConfigureAwait(false);
            if (page is null && position is null)
                return null;
            if (page is null)
                throw new InvalidOperationException($"moto lost REST API {escapedId} while its authorizers were read; retry the request.");
            foreach (var authorizer in ((page["item"] ?? page["items"])?.AsArray() ?? []).OfType<JsonObject>().Select(ToAuthorizer))
                authorizers[authorizer.Id] = authorizer;
            position = page["position"]?.GetValue<string>();
        }
        while (position is not null);
        return authorizers;
    }

    private static ApiAuthorizer ToAuthorizer(JsonObject authorizer) =>
        new(
            authorizer["id"]?.GetValue<string>() ?? "",
            authorizer["name"]?.GetValue<string>() ?? "",
            (authorizer["type"]?.GetValue<string>() ?? "").ToUpperInvariant(),
            authorizer["authorizerUri"]?.GetValue<string>(),
            authorizer["identitySource"]?.GetValue<string>(),
            authorizer["identityValidationExpression"]?.GetValue<string>(),
            authorizer["authorizerResultTtlInSeconds"] is JsonValue ttl && ttl.TryGetValue<int>(out var seconds) ? seconds : ApiAuthorizer.DefaultResultTtlInSeconds,
            StringList(authorizer["providerARNs"]));

    /// <returns>null when the API is not there (moto answers 404 to the first page).</returns>
    private async Task<List<ApiResource>?> LoadResourcesAsync(string escapedId, CancellationToken cancellationToken)
    {
        var resources = new List<ApiResource>();
        string? position = null;
        do
        {
            var query = position is null ? "" : "&position=" + Uri.EscapeDataString(position);
            var page = await moto.GetJsonAsync(Service, $"/restapis/{escapedId}/resources?embed=methods&limit=500{query}", cancellationToken).ConfigureAwait(false);
            if (page is null && position is null)
                return null;
            if (page is null)
                throw new InvalidOperationException($"moto lost REST API {escapedId} while its resources were read; retry the request.");
            var items = (page["item"] ?? page["items"])?.AsArray() ?? [];
            resources.AddRange(items.OfType<JsonObject>().Select(ToResource));
            position = page["position"]?.GetValue<string>();
        }
        while (position is not null);
        return resources;
    }

    private static ApiResource ToResource(JsonObject resource)
    {
        var methods = new Dictionary<string, ApiMethod>(StringComparer.Ordinal);
        if (resource["resourceMethods"] is JsonObject resourceMethods)
        {
            foreach (var (name, node) in resourceMethods)
            {
                if (node is JsonObject method)
                    methods[name.ToUpperInvariant()] = ToMethod(name.ToUpperInvariant(), method);
            }
        }
        return new ApiResource(
            resource["id"]?.GetValue<string>() ?? "",
            resource["path"]?.GetValue<string>() ?? "/",
            methods);
    }

    private static ApiMethod ToMethod(string httpMethod, JsonObject method)
    {
        var authorization = new MethodAuthorization(
            method["authorizationType"]?.GetValue<string>() ?? "NONE",
            method["authorizerId"]?.GetValue<string>(),
            StringList(method["authorizationScopes"]),
            method["apiKeyRequired"]?.GetValue<bool>() ?? false);
        return new ApiMethod(
            httpMethod,
            authorization,
            method["operationName"]?.GetValue<string>(),
            method["methodIntegration"] is JsonObject integration ? ToIntegration(integration) : null);
    }

    private static ApiIntegration ToIntegration(JsonObject integration)
    {
        var responses = new List<IntegrationResponse>();
        if (integration["integrationResponses"] is JsonObject integrationResponses)
        {
            foreach (var (status, node) in integrationResponses)
            {
                if (node is not JsonObject response)
                    continue;
                responses.Add(new IntegrationResponse(
                    response["statusCode"]?.GetValue<string>() ?? status,
                    response["selectionPattern"]?.GetValue<string>(),
                    StringMap(response["responseParameters"]),
                    StringMap(response["responseTemplates"])));
            }
        }
        return new ApiIntegration(
            (integration["type"]?.GetValue<string>() ?? "").ToUpperInvariant(),
            integration["uri"]?.GetValue<string>(),
            integration["httpMethod"]?.GetValue<string>(),
            integration["timeoutInMillis"]?.GetValue<int>(),
            StringMap(integration["requestTemplates"]),
            responses);
    }

    // Values that are not strings (moto keeps method.response.header.X: false) are left out.
    private static Dictionary<string, string> StringMap(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject values)
        {
            foreach (var (key, value) in values)
            {
                if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
                    map[key] = text;
            }
        }
        return map;
    }

    private static List<string> StringList(JsonNode? node) =>
        node is JsonArray array
            ? array.OfType<JsonValue>().Select(value => value.TryGetValue<string>(out var text) ? text : null).OfType<string>().ToList()
            : [];
}
