using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>
/// The API Gateway control plane for REST APIs (rest-json, 2015-07-09): APIs, resources,
/// methods, integrations, authorizers, deployments and stages. Errors surface as
/// <see cref="AwsServiceException"/> (e.g. NotFoundException 404, ConflictException 409).
/// </summary>
public sealed class ApiGatewayClient : IDisposable
{
    // The SDKs ask for plain JSON; without it API Gateway may answer in HAL (application/hal+json).
    private static readonly KeyValuePair<string, string>[] AcceptJson = [new("Accept", "application/json")];

    private readonly AwsRequestSender _sender;

    public ApiGatewayClient(AwsClientOptions options)
        : this(options, null)
    {
    }

    /// <param name="http">A caller-owned HttpClient (e.g. over a test handler); null = one of our own.</param>
    public ApiGatewayClient(AwsClientOptions options, HttpClient? http)
        : this(options, http, TimeProvider.System)
    {
    }

    internal ApiGatewayClient(AwsClientOptions options, HttpClient? http, TimeProvider time)
    {
        _sender = AwsRequestSender.For(AwsService.ApiGateway, options, http, time);
    }

    public Uri Endpoint => _sender.Settings.Endpoint;

    public Task<RestApi> CreateRestApiAsync(CreateRestApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("CreateRestApi", HttpMethod.Post, "restapis", Body(request, ApiGatewayJsonContext.Default.CreateRestApiRequest), ApiGatewayJsonContext.Default.RestApi, cancellationToken);
    }

    public Task<RestApi> GetRestApiAsync(string restApiId, CancellationToken cancellationToken = default) =>
        SendAsync("GetRestApi", HttpMethod.Get, $"restapis/{RestJson.Segment(restApiId, nameof(restApiId))}", null, ApiGatewayJsonContext.Default.RestApi, cancellationToken);

    /// <summary>One page of APIs; pass the previous page's Position for the next.</summary>
    public Task<RestApis> GetRestApisAsync(string? position = null, int? limit = null, CancellationToken cancellationToken = default) =>
        SendAsync("GetRestApis", HttpMethod.Get, $"restapis{RestJson.Query(("limit", Number(limit)), ("position", position))}", null, ApiGatewayJsonContext.Default.RestApis, cancellationToken);

    /// <summary>Every API, following Position through all pages.</summary>
    public async Task<IReadOnlyList<RestApi>> GetAllRestApisAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<RestApi>();
        string? position = null;
        do
        {
            var page = await GetRestApisAsync(position, 500, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            position = page.Position;
        }
        while (!string.IsNullOrEmpty(position));
        return all;
    }

    public async Task DeleteRestApiAsync(string restApiId, CancellationToken cancellationToken = default) =>
        await _sender.SendAsync(new AwsRequest("DeleteRestApi", HttpMethod.Delete, $"restapis/{RestJson.Segment(restApiId, nameof(restApiId))}") { Headers = AcceptJson }, cancellationToken).ConfigureAwait(false);

    /// <param name="embedMethods">Ask for each resource's methods (and their integrations) in <see cref="Resource.ResourceMethods"/>.</param>
    public Task<Resources> GetResourcesAsync(string restApiId, bool embedMethods = false, string? position = null, int? limit = null, CancellationToken cancellationToken = default) =>
        SendAsync(
            "GetResources",
            HttpMethod.Get,
            $"restapis/{RestJson.Segment(restApiId, nameof(restApiId))}/resources{RestJson.Query(("embed", embedMethods ? "methods" : null), ("limit", Number(limit)), ("position", position))}",
            null,
            ApiGatewayJsonContext.Default.Resources,
            cancellationToken);

    /// <summary>Every resource of an API, following Position through all pages.</summary>
    public async Task<IReadOnlyList<Resource>> GetAllResourcesAsync(string restApiId, bool embedMethods = false, CancellationToken cancellationToken = default)
    {
        var all = new List<Resource>();
        string? position = null;
        do
        {
            var page = await GetResourcesAsync(restApiId, embedMethods, position, 500, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            position = page.Position;
        }
        while (!string.IsNullOrEmpty(position));
        return all;
    }

    public Task<Resource> CreateResourceAsync(CreateResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(
            "CreateResource",
            HttpMethod.Post,
            $"restapis/{RestJson.Segment(request.RestApiId, nameof(request.RestApiId))}/resources/{RestJson.Segment(request.ParentId, nameof(request.ParentId))}",
            Body(request, ApiGatewayJsonContext.Default.CreateResourceRequest),
            ApiGatewayJsonContext.Default.Resource,
            cancellationToken);
    }

    public Task<Method> PutMethodAsync(PutMethodRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("PutMethod", HttpMethod.Put, MethodPath(request.RestApiId, request.ResourceId, request.HttpMethod), Body(request, ApiGatewayJsonContext.Default.PutMethodRequest), ApiGatewayJsonContext.Default.Method, cancellationToken);
    }

    public Task<Method> GetMethodAsync(string restApiId, string resourceId, string httpMethod, CancellationToken cancellationToken = default) =>
        SendAsync("GetMethod", HttpMethod.Get, MethodPath(restApiId, resourceId, httpMethod), null, ApiGatewayJsonContext.Default.Method, cancellationToken);

    public async Task DeleteMethodAsync(string restApiId, string resourceId, string httpMethod, CancellationToken cancellationToken = default) =>
        await _sender.SendAsync(new AwsRequest("DeleteMethod", HttpMethod.Delete, MethodPath(restApiId, resourceId, httpMethod)) { Headers = AcceptJson }, cancellationToken).ConfigureAwait(false);

    public Task<Integration> PutIntegrationAsync(PutIntegrationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("PutIntegration", HttpMethod.Put, MethodPath(request.RestApiId, request.ResourceId, request.HttpMethod) + "/integration", Body(request, ApiGatewayJsonContext.Default.PutIntegrationRequest), ApiGatewayJsonContext.Default.Integration, cancellationToken);
    }

    public Task<Deployment> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("CreateDeployment", HttpMethod.Post, $"restapis/{RestJson.Segment(request.RestApiId, nameof(request.RestApiId))}/deployments", Body(request, ApiGatewayJsonContext.Default.CreateDeploymentRequest), ApiGatewayJsonContext.Default.Deployment, cancellationToken);
    }

    public Task<Stages> GetStagesAsync(string restApiId, CancellationToken cancellationToken = default) =>
        SendAsync("GetStages", HttpMethod.Get, $"restapis/{RestJson.Segment(restApiId, nameof(restApiId))}/stages", null, ApiGatewayJsonContext.Default.Stages, cancellationToken);

    public Task<Stage> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken = default) =>
        SendAsync("GetStage", HttpMethod.Get, StagePath(restApiId, stageName), null, ApiGatewayJsonContext.Default.Stage, cancellationToken);

    public Task<Stage> CreateStageAsync(CreateStageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("CreateStage", HttpMethod.Post, $"restapis/{RestJson.Segment(request.RestApiId, nameof(request.RestApiId))}/stages", Body(request, ApiGatewayJsonContext.Default.CreateStageRequest), ApiGatewayJsonContext.Default.Stage, cancellationToken);
    }

    public Task<Stage> UpdateStageAsync(UpdateStageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("UpdateStage", HttpMethod.Patch, StagePath(request.RestApiId, request.StageName), Body(request, ApiGatewayJsonContext.Default.UpdateStageRequest), ApiGatewayJsonContext.Default.Stage, cancellationToken);
    }

    public Task<Authorizer> CreateAuthorizerAsync(CreateAuthorizerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("CreateAuthorizer", HttpMethod.Post, AuthorizersPath(request.RestApiId), Body(request, ApiGatewayJsonContext.Default.CreateAuthorizerRequest), ApiGatewayJsonContext.Default.Authorizer, cancellationToken);
    }

    /// <summary>One page of an API's authorizers; pass the previous page's Position for the next.</summary>
    public Task<Authorizers> GetAuthorizersAsync(string restApiId, string? position = null, int? limit = null, CancellationToken cancellationToken = default) =>
        SendAsync("GetAuthorizers", HttpMethod.Get, AuthorizersPath(restApiId) + RestJson.Query(("limit", Number(limit)), ("position", position)), null, ApiGatewayJsonContext.Default.Authorizers, cancellationToken);

    /// <summary>Every authorizer of an API, following Position through all pages.</summary>
    public async Task<IReadOnlyList<Authorizer>> GetAllAuthorizersAsync(string restApiId, CancellationToken cancellationToken = default)
    {
        var all = new List<Authorizer>();
        string? position = null;
        do
        {
            var page = await GetAuthorizersAsync(restApiId, position, 500, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            position = page.Position;
        }
        while (!string.IsNullOrEmpty(position));
        return all;
    }

    /// <exception cref="AwsServiceException">NotFoundException when the API or authorizer does not exist.</exception>
    public Task<Authorizer> GetAuthorizerAsync(string restApiId, string authorizerId, CancellationToken cancellationToken = default) =>
        SendAsync("GetAuthorizer", HttpMethod.Get, AuthorizerPath(restApiId, authorizerId), null, ApiGatewayJsonContext.Default.Authorizer, cancellationToken);

    public Task<Authorizer> UpdateAuthorizerAsync(UpdateAuthorizerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("UpdateAuthorizer", HttpMethod.Patch, AuthorizerPath(request.RestApiId, request.AuthorizerId), Body(request, ApiGatewayJsonContext.Default.UpdateAuthorizerRequest), ApiGatewayJsonContext.Default.Authorizer, cancellationToken);
    }

    /// <exception cref="AwsServiceException">NotFoundException; ConflictException while a method still uses the authorizer.</exception>
    public async Task DeleteAuthorizerAsync(string restApiId, string authorizerId, CancellationToken cancellationToken = default) =>
        await _sender.SendAsync(new AwsRequest("DeleteAuthorizer", HttpMethod.Delete, AuthorizerPath(restApiId, authorizerId)) { Headers = AcceptJson }, cancellationToken).ConfigureAwait(false);

    public void Dispose() => _sender.Dispose();

    private static string MethodPath(string restApiId, string resourceId, string httpMethod) =>
        $"restapis/{RestJson.Segment(restApiId, nameof(restApiId))}/resources/{RestJson.Segment(resourceId, nameof(resourceId))}/methods/{RestJson.Segment(httpMethod, nameof(httpMethod))}";

    private static string StagePath(string restApiId, string stageName) =>
        $"restapis/{RestJson.Segment(restApiId, nameof(restApiId))}/stages/{RestJson.Segment(stageName, nameof(stageName))}";

    private static string AuthorizersPath(string restApiId) =>
        $"restapis/{RestJson.Segment(restApiId, nameof(restApiId))}/authorizers";

    private static string AuthorizerPath(string restApiId, string authorizerId) =>
        $"{AuthorizersPath(restApiId)}/{RestJson.Segment(authorizerId, nameof(authorizerId))}";

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static byte[] Body<T>(T value, JsonTypeInfo<T> typeInfo) => RestJson.Serialize(value, typeInfo);

    private async Task<T> SendAsync<T>(string operation, HttpMethod method, string path, byte[]? body, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var request = new AwsRequest(operation, method, path) { Body = body, ContentType = body is null ? null : RestJson.ContentType, Headers = AcceptJson };
        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return RestJson.Deserialize(response, responseType, _sender.Settings, operation);
    }
}
