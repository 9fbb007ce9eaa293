using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// Executes the REST APIs that moto stores (API Gateway's data plane): finds the API and stage
/// the invoke URL names, routes the request to a resource and method, checks that the method is
/// open, and runs its integration (AWS_PROXY to Lambda, MOCK). Definitions are read from moto
/// once per API and stage and dropped when a control-plane call changes that API.
/// </summary>
internal sealed class ApiGatewayExecutor : IEdgeService, IProxyObserver
{
    private const string RestApisPath = "/restapis/";

    private readonly ApiDefinitionCache _definitions;
    private readonly LambdaProxyIntegration _lambdaProxy;
    private readonly ExecutionLog _log;

    public ApiGatewayExecutor(MotoClient moto, ILambdaInvoker lambda, LocalCloudOptions options)
    {
        _definitions = new ApiDefinitionCache(new ApiDefinitionLoader(moto));
        _log = new ExecutionLog(options.Log);
        _lambdaProxy = new LambdaProxyIntegration(lambda, options, _log);
    }

    public string ServiceName => ServiceResolver.ExecuteApi;

    public async Task HandleAsync(HttpContext context)
    {
        // A W3C traceparent from the client continues its trace just as an X-Amzn-Trace-Id does.
        var incomingTrace = Lambda.Execution.TraceContext.FromHeaders(context.Request.Headers["X-Amzn-Trace-Id"].ToString(), context.Request.Headers["traceparent"].ToString());
        var ids = RequestIdentity.Create(incomingTrace ?? "", DateTimeOffset.UtcNow);
        ApiResponse response;
        try
        {
            response = await ExecuteAsync(context, ids).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nothing is left to answer
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            // Answer as API Gateway would (a generic 500) and put the cause where a developer looks.
            _log.Write(context.Request, $"the request failed inside the local cloud: {exception}");
            response = GatewayResponses.InternalServerError(500);
        }
        await ApiResponseWriter.WriteAsync(context, response, ids).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops cached definitions when an API Gateway control-plane call changed them:
    /// /restapis/{id}/… drops that API, creating an API drops nothing, anything else of API
    /// Gateway's (domain names, tags, …) drops all.
    /// </summary>
    public void OnProxied(string service, string method, string path)
    {
        if (path is "/restapis" or "/restapis/")
            return;
        var isRestApiPath = path.StartsWith(RestApisPath, StringComparison.Ordinal);
        if (!isRestApiPath && !string.Equals(service, "apigateway", StringComparison.Ordinal))
            return;
        if (isRestApiPath)
        {
            var idEnd = path.IndexOf('/', RestApisPath.Length);
            var apiId = idEnd < 0 ? path[RestApisPath.Length..] : path[RestApisPath.Length..idEnd];
            if (apiId.Length > 0)
            {
                _definitions.Invalidate(Uri.UnescapeDataString(apiId));
                return;
            }
        }
        _definitions.InvalidateAll();
    }

    private async Task<ApiResponse> ExecuteAsync(HttpContext context, RequestIdentity ids)
    {
        if (InvokeUrlParser.Parse(context.Request) is not { } target)
            return GatewayResponses.Forbidden();

        var lookup = await _definitions.GetAsync(target.ApiId, target.Stage, context.RequestAborted).ConfigureAwait(false);
        switch (lookup.Status)
        {
            case ApiLookupStatus.ApiNotFound:
                return GatewayResponses.ApiNotFound(target.ApiId);
            case ApiLookupStatus.StageNotFound:
                return GatewayResponses.Forbidden();
        }
        var api = lookup.Api!;

        var request = await ApiRequest.ReadAsync(context, target).ConfigureAwait(false);
        if (api.Routes.Match(request.HttpMethod, target.ResourcePath) is not { } match)
            return GatewayResponses.MissingAuthenticationToken();

        // Until authorizers are executed, a protected method must not be served open.
        if (!match.Method.Authorization.IsOpen)
        {
            _log.Write(request, Unprotectable(match.Method.Authorization));
            return GatewayResponses.InternalServerError(500);
        }

        return match.Method.Integration switch
        {
            null => Misconfigured(request, $"method {match.Method.HttpMethod} of {match.Resource.Path} has no integration; add one with PutIntegration."),
            { Type: ApiIntegration.AwsProxy } => await _lambdaProxy.InvokeAsync(request, match, api, ids, context.RequestAborted).ConfigureAwait(false),
            { Type: ApiIntegration.Mock } integration => MockIntegration.Respond(request, integration, _log),
            { Type: var type } => Misconfigured(request, $"integration type {type} (method {match.Method.HttpMethod} of {match.Resource.Path}) is not supported by the local cloud; it runs AWS_PROXY (Lambda) and MOCK integrations."),
        };
    }

    private ApiResponse Misconfigured(ApiRequest request, string message)
    {
        _log.Write(request, message);
        return GatewayResponses.InternalServerError(500);
    }

    private static string Unprotectable(MethodAuthorization authorization) =>
        authorization.ApiKeyRequired && string.Equals(authorization.Type, "NONE", StringComparison.OrdinalIgnoreCase)
            ? "the method requires an API key (apiKeyRequired), which the local cloud does not check yet; it answers 500 rather than serve the method open."
            : $"authorizers are not supported yet: the method's authorizationType is {authorization.Type}"
              + (authorization.AuthorizerId is { } id ? $" (authorizer {id})" : "")
              + "; the local cloud answers 500 rather than serve it open.";
}
