using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.Lambda;

/// <summary>
/// The AWS Lambda API (rest-json, 2015-03-31): the operations that create, inspect, change,
/// permit and invoke functions, connect them to queues and streams (event source mappings) and
/// configure their asynchronous invocations. Errors surface as <see cref="AwsServiceException"/>
/// (e.g. ResourceNotFoundException 404, ResourceConflictException 409).
/// </summary>
public sealed class LambdaClient : IDisposable
{
    private const string Functions = "2015-03-31/functions";
    private const string EventSourceMappings = "2015-03-31/event-source-mappings";
    private const string EventInvokeConfigFunctions = "2019-09-25/functions";

    private readonly AwsRequestSender _sender;

    public LambdaClient(AwsClientOptions options)
        : this(options, null)
    {
    }

    /// <param name="http">A caller-owned HttpClient (e.g. over a test handler); null = one of our own.</param>
    public LambdaClient(AwsClientOptions options, HttpClient? http)
        : this(options, http, TimeProvider.System)
    {
    }

    internal LambdaClient(AwsClientOptions options, HttpClient? http, TimeProvider time)
    {
        _sender = AwsRequestSender.For(AwsService.Lambda, options, http, time);
    }

    /// <summary>The endpoint calls go to.</summary>
    public Uri Endpoint => _sender.Settings.Endpoint;

    public Task<FunctionConfiguration> CreateFunctionAsync(CreateFunctionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendJsonAsync("CreateFunction", HttpMethod.Post, Functions, RestJson.Serialize(request, LambdaJsonContext.Default.CreateFunctionRequest), LambdaJsonContext.Default.FunctionConfiguration, cancellationToken);
    }

    public Task<GetFunctionResponse> GetFunctionAsync(string functionName, string? qualifier = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync("GetFunction", HttpMethod.Get, $"{Functions}/{RestJson.Segment(functionName, nameof(functionName))}{RestJson.Query(("Qualifier", qualifier))}", null, LambdaJsonContext.Default.GetFunctionResponse, cancellationToken);

    /// <summary>One page of functions; pass the previous page's NextMarker for the next.</summary>
    public Task<ListFunctionsResponse> ListFunctionsAsync(string? marker = null, int? maxItems = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync("ListFunctions", HttpMethod.Get, $"{Functions}/{RestJson.Query(("Marker", marker), ("MaxItems", maxItems?.ToString(System.Globalization.CultureInfo.InvariantCulture)))}", null, LambdaJsonContext.Default.ListFunctionsResponse, cancellationToken);

    /// <summary>Every function, following NextMarker through all pages.</summary>
    public async Task<IReadOnlyList<FunctionConfiguration>> ListAllFunctionsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<FunctionConfiguration>();
        string? marker = null;
        do
        {
            var page = await ListFunctionsAsync(marker, null, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Functions);
            marker = page.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker));
        return all;
    }

    public Task<FunctionConfiguration> UpdateFunctionConfigurationAsync(UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendJsonAsync("UpdateFunctionConfiguration", HttpMethod.Put, $"{Functions}/{RestJson.Segment(request.FunctionName, nameof(request.FunctionName))}/configuration", RestJson.Serialize(request, LambdaJsonContext.Default.UpdateFunctionConfigurationRequest), LambdaJsonContext.Default.FunctionConfiguration, cancellationToken);
    }

    public Task<FunctionConfiguration> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendJsonAsync("UpdateFunctionCode", HttpMethod.Put, $"{Functions}/{RestJson.Segment(request.FunctionName, nameof(request.FunctionName))}/code", RestJson.Serialize(request, LambdaJsonContext.Default.UpdateFunctionCodeRequest), LambdaJsonContext.Default.FunctionConfiguration, cancellationToken);
    }

    public async Task DeleteFunctionAsync(string functionName, string? qualifier = null, CancellationToken cancellationToken = default) =>
        await _sender.SendAsync(new AwsRequest("DeleteFunction", HttpMethod.Delete, $"{Functions}/{RestJson.Segment(functionName, nameof(functionName))}{RestJson.Query(("Qualifier", qualifier))}"), cancellationToken).ConfigureAwait(false);

    public Task<AddPermissionResponse> AddPermissionAsync(AddPermissionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendJsonAsync("AddPermission", HttpMethod.Post, $"{Functions}/{RestJson.Segment(request.FunctionName, nameof(request.FunctionName))}/policy{RestJson.Query(("Qualifier", request.Qualifier))}", RestJson.Serialize(request, LambdaJsonContext.Default.AddPermissionRequest), LambdaJsonContext.Default.AddPermissionResponse, cancellationToken);
    }

    /// <summary>The function's resource policy (the statements AddPermission added).</summary>
    public Task<GetPolicyResponse> GetPolicyAsync(string functionName, string? qualifier = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync("GetPolicy", HttpMethod.Get, $"{Functions}/{RestJson.Segment(functionName, nameof(functionName))}/policy{RestJson.Query(("Qualifier", qualifier))}", null, LambdaJsonContext.Default.GetPolicyResponse, cancellationToken);

    public async Task RemovePermissionAsync(string functionName, string statementId, string? qualifier = null, CancellationToken cancellationToken = default) =>
        await _sender.SendAsync(new AwsRequest("RemovePermission", HttpMethod.Delete, $"{Functions}/{RestJson.Segment(functionName, nameof(functionName))}/policy/{RestJson.Segment(statementId, nameof(statementId))}{RestJson.Query(("Qualifier", qualifier))}"), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Runs the function. A function error is not an exception: it is a response with
    /// <see cref="InvokeResponse.FunctionError"/> set, as in the Lambda API.
    /// </summary>
    public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new List<KeyValuePair<string, string>> { new("X-Amz-Invocation-Type", request.InvocationType) };
        if (request.LogType is { } logType)
            headers.Add(new("X-Amz-Log-Type", logType));
        if (request.ClientContext is { } clientContext)
            headers.Add(new("X-Amz-Client-Context", clientContext));
        var path = $"{Functions}/{RestJson.Segment(request.FunctionName, nameof(request.FunctionName))}/invocations{RestJson.Query(("Qualifier", request.Qualifier))}";
        var response = await _sender.SendAsync(
            new AwsRequest("Invoke", HttpMethod.Post, path) { Body = request.Payload ?? [], ContentType = "application/json", Headers = headers },
            cancellationToken).ConfigureAwait(false);
        return new InvokeResponse(
            response.StatusCode,
            response.Header("X-Amz-Function-Error"),
            response.Header("X-Amz-Log-Result"),
            response.Header("X-Amz-Executed-Version"),
            response.Body);
    }

    /// <summary>Connects a function to a queue or stream; the mapping starts in State Creating.</summary>
    /// <exception cref="AwsServiceException">ResourceConflictException when the function already has a mapping for that source.</exception>
    public Task<EventSourceMappingConfiguration> CreateEventSourceMappingAsync(CreateEventSourceMappingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.FunctionName, nameof(request));
        return SendJsonAsync("CreateEventSourceMapping", HttpMethod.Post, EventSourceMappings, RestJson.Serialize(request, LambdaJsonContext.Default.CreateEventSourceMappingRequest), LambdaJsonContext.Default.EventSourceMappingConfiguration, cancellationToken);
    }

    /// <exception cref="AwsServiceException">ResourceNotFoundException when no mapping has that UUID.</exception>
    public Task<EventSourceMappingConfiguration> GetEventSourceMappingAsync(string uuid, CancellationToken cancellationToken = default) =>
        SendJsonAsync("GetEventSourceMapping", HttpMethod.Get, $"{EventSourceMappings}/{RestJson.Segment(uuid, nameof(uuid))}", null, LambdaJsonContext.Default.EventSourceMappingConfiguration, cancellationToken);

    /// <summary>One page of mappings, optionally only a source's and/or a function's; pass the previous page's NextMarker for the next.</summary>
    public Task<ListEventSourceMappingsResponse> ListEventSourceMappingsAsync(string? eventSourceArn = null, string? functionName = null, string? marker = null, int? maxItems = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(
            "ListEventSourceMappings",
            HttpMethod.Get,
            EventSourceMappings + RestJson.Query(("EventSourceArn", eventSourceArn), ("FunctionName", functionName), ("Marker", marker), ("MaxItems", maxItems?.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            null,
            LambdaJsonContext.Default.ListEventSourceMappingsResponse,
            cancellationToken);

    /// <summary>Every mapping (optionally only a source's and/or a function's), following NextMarker through all pages.</summary>
    public async Task<IReadOnlyList<EventSourceMappingConfiguration>> ListAllEventSourceMappingsAsync(string? eventSourceArn = null, string? functionName = null, CancellationToken cancellationToken = default)
    {
        var all = new List<EventSourceMappingConfiguration>();
        string? marker = null;
        do
        {
            var page = await ListEventSourceMappingsAsync(eventSourceArn, functionName, marker, null, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.EventSourceMappings);
            marker = page.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker));
        return all;
    }

    /// <exception cref="AwsServiceException">ResourceNotFoundException; ResourceInUseException while the mapping is changing state.</exception>
    public Task<EventSourceMappingConfiguration> UpdateEventSourceMappingAsync(UpdateEventSourceMappingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendJsonAsync("UpdateEventSourceMapping", HttpMethod.Put, $"{EventSourceMappings}/{RestJson.Segment(request.UUID, nameof(request.UUID))}", RestJson.Serialize(request, LambdaJsonContext.Default.UpdateEventSourceMappingRequest), LambdaJsonContext.Default.EventSourceMappingConfiguration, cancellationToken);
    }

    /// <summary>Deletes a mapping; the answer is the mapping in State Deleting.</summary>
    /// <exception cref="AwsServiceException">ResourceNotFoundException when no mapping has that UUID.</exception>
    public Task<EventSourceMappingConfiguration> DeleteEventSourceMappingAsync(string uuid, CancellationToken cancellationToken = default) =>
        SendJsonAsync("DeleteEventSourceMapping", HttpMethod.Delete, $"{EventSourceMappings}/{RestJson.Segment(uuid, nameof(uuid))}", null, LambdaJsonContext.Default.EventSourceMappingConfiguration, cancellationToken);

    /// <summary>Sets how asynchronous invocations of the function are retried and where their outcomes go.</summary>
    public Task<FunctionEventInvokeConfig> PutFunctionEventInvokeConfigAsync(PutFunctionEventInvokeConfigRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendJsonAsync(
            "PutFunctionEventInvokeConfig",
            HttpMethod.Put,
            $"{EventInvokeConfigFunctions}/{RestJson.Segment(request.FunctionName, nameof(request.FunctionName))}/event-invoke-config{RestJson.Query(("Qualifier", request.Qualifier))}",
            RestJson.Serialize(request, LambdaJsonContext.Default.PutFunctionEventInvokeConfigRequest),
            LambdaJsonContext.Default.FunctionEventInvokeConfig,
            cancellationToken);
    }

    /// <summary>
    /// Polls GetFunction until the function can be invoked and changed again: State Active and
    /// no update in progress (what the SDKs' FunctionActiveV2 and FunctionUpdatedV2 waiters check).
    /// </summary>
    /// <exception cref="InvalidOperationException">The function's state or last update Failed.</exception>
    /// <exception cref="TimeoutException">Still pending after <paramref name="timeout"/>.</exception>
    public async Task<FunctionConfiguration> WaitUntilReadyAsync(string functionName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var configuration = (await GetFunctionAsync(functionName, null, cancellationToken).ConfigureAwait(false)).Configuration;
            if (IsReady(configuration))
                return configuration;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Function {functionName} is still {configuration.State} (last update {configuration.LastUpdateStatus}) after {timeout.TotalSeconds:0} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when the function is Active with no update in progress; throws when it Failed.</summary>
    public static bool IsReady(FunctionConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.State == "Failed" || configuration.LastUpdateStatus == "Failed")
            throw new InvalidOperationException(
                $"Function {configuration.FunctionName} failed to become ready: {configuration.StateReason ?? configuration.LastUpdateStatusReason ?? "no reason given"}.");
        return configuration.State is null or "Active" && configuration.LastUpdateStatus is null or "Successful";
    }

    public void Dispose() => _sender.Dispose();

    private async Task<T> SendJsonAsync<T>(string operation, HttpMethod method, string path, byte[]? body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var request = new AwsRequest(operation, method, path) { Body = body, ContentType = body is null ? null : RestJson.ContentType };
        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return RestJson.Deserialize(response, responseType, _sender.Settings, operation);
    }
}
