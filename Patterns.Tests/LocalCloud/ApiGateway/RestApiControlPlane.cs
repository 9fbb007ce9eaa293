using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// Creates REST APIs with API Gateway's rest-json control plane over plain HTTP (no SDK package
/// exists for it), through whatever endpoint it is given: the edge, so that the executor hears of
/// every change, or moto directly, so that it does not.
/// </summary>
internal sealed class RestApiControlPlane(HttpClient http)
{
    public async Task<(string ApiId, string RootId)> CreateRestApiAsync(string name)
    {
        var api = await SendAsync(HttpMethod.Post, "/restapis", new { name });
        return (api["id"]!.GetValue<string>(), api["rootResourceId"]!.GetValue<string>());
    }

    public async Task<string> GetRootResourceIdAsync(string apiId) =>
        (await SendAsync(HttpMethod.Get, $"/restapis/{apiId}", null))["rootResourceId"]!.GetValue<string>();

    public async Task<string> CreateResourceAsync(string apiId, string parentId, string pathPart) =>
        (await SendAsync(HttpMethod.Post, $"/restapis/{apiId}/resources/{parentId}", new { pathPart }))["id"]!.GetValue<string>();

    public Task PutMethodAsync(string apiId, string resourceId, string httpMethod, string authorizationType = "NONE", string? authorizerId = null, bool apiKeyRequired = false, IReadOnlyList<string>? authorizationScopes = null) =>
        SendAsync(HttpMethod.Put, $"/restapis/{apiId}/resources/{resourceId}/methods/{httpMethod}", new { authorizationType, authorizerId, apiKeyRequired, authorizationScopes });

    /// <summary>CreateAuthorizer with the given fields (name, type, authorizerUri, identitySource, …); returns its id.</summary>
    public async Task<string> CreateAuthorizerAsync(string apiId, object authorizer) =>
        (await SendAsync(HttpMethod.Post, $"/restapis/{apiId}/authorizers", authorizer))["id"]!.GetValue<string>();

    public async Task<IReadOnlyList<string>> GetAuthorizerIdsAsync(string apiId)
    {
        var page = await SendAsync(HttpMethod.Get, $"/restapis/{apiId}/authorizers", null);
        return ((page["item"] ?? page["items"])?.AsArray() ?? []).Select(item => item!["id"]!.GetValue<string>()).ToList();
    }

    /// <summary>UpdateAuthorizer: "replace" patch operations, e.g. ("/identityValidationExpression", "allow.*").</summary>
    public Task UpdateAuthorizerAsync(string apiId, string authorizerId, params (string Path, string Value)[] replacements) =>
        SendAsync(HttpMethod.Patch, $"/restapis/{apiId}/authorizers/{authorizerId}", new
        {
            patchOperations = replacements.Select(replacement => new { op = "replace", path = replacement.Path, value = replacement.Value }).ToArray(),
        });

    /// <summary>The authorizerUri (and integration URI) that invokes a function of the local cloud.</summary>
    public static string LambdaUri(string functionName) =>
        $"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{FakeLambdaInvoker.Arn(functionName)}/invocations";

    public Task PutIntegrationAsync(string apiId, string resourceId, string httpMethod, object integration) =>
        SendAsync(HttpMethod.Put, $"/restapis/{apiId}/resources/{resourceId}/methods/{httpMethod}/integration", integration);

    public Task PutLambdaProxyAsync(string apiId, string resourceId, string httpMethod, string functionName, int? timeoutInMillis = null) =>
        PutIntegrationAsync(apiId, resourceId, httpMethod, new
        {
            type = "AWS_PROXY",
            httpMethod = "POST",
            uri = LambdaUri(functionName),
            timeoutInMillis,
        });

    public Task PutIntegrationResponseAsync(string apiId, string resourceId, string httpMethod, string statusCode, object response) =>
        SendAsync(HttpMethod.Put, $"/restapis/{apiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}", response);

    public Task CreateDeploymentAsync(string apiId, string stageName, IReadOnlyDictionary<string, string>? variables = null) =>
        SendAsync(HttpMethod.Post, $"/restapis/{apiId}/deployments", new { stageName, variables });

    // moto applies the value of the operation; AWS reads the type from the path. Both are given.
    public Task AddBinaryMediaTypeAsync(string apiId, string mediaType) =>
        SendAsync(HttpMethod.Patch, $"/restapis/{apiId}", new
        {
            patchOperations = new[] { new { op = "add", path = "/binaryMediaTypes/" + mediaType.Replace("/", "~1", StringComparison.Ordinal), value = mediaType } },
        });

    /// <summary>
    /// Creates an API whose resources are given by path (e.g. "/products/{id}"), each with one
    /// method integrated with a fake function, and deploys it to the stage.
    /// </summary>
    public async Task<string> CreateApiAsync(string name, string stage, params (string Path, string Method, string Function)[] routes)
    {
        var (apiId, rootId) = await CreateRestApiAsync(name);
        var resources = new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = rootId };
        foreach (var (path, method, function) in routes)
        {
            var resourceId = await EnsureResourceAsync(apiId, resources, path);
            await PutMethodAsync(apiId, resourceId, method);
            await PutLambdaProxyAsync(apiId, resourceId, method, function);
        }
        await CreateDeploymentAsync(apiId, stage);
        return apiId;
    }

    public async Task<string> EnsureResourceAsync(string apiId, Dictionary<string, string> resources, string path)
    {
        if (resources.TryGetValue(path, out var existing))
            return existing;
        var lastSlash = path.LastIndexOf('/');
        var parentPath = lastSlash == 0 ? "/" : path[..lastSlash];
        var parentId = await EnsureResourceAsync(apiId, resources, parentPath);
        var id = await CreateResourceAsync(apiId, parentId, path[(lastSlash + 1)..]);
        resources[path] = id;
        return id;
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body, options: new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }),
        };
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential=test/{DateTime.UtcNow:yyyyMMdd}/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }
}
