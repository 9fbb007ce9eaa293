using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.ApiGateway.Authorizers;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Telemetry;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// Executes the REST APIs that moto stores (API Gateway's data plane): finds the API and stage
/// the invoke URL names, routes the request to a resource and method, runs the method's
/// authorizer (Lambda TOKEN/REQUEST, Cognito user pools), and runs its integration (AWS_PROXY to
/// Lambda, MOCK). Definitions are read from moto once per API and stage and dropped, with the
/// API's cached authorizer results, when a control-plane call changes that API.
/// </summary>
internal sealed class ApiGatewayExecutor : IEdgeService, IProxyObserver
{
    private const string RestApisPath = "/restapis/";

    private readonly ApiDefinitionCache _definitions;
    private readonly LambdaProxyIntegration _lambdaProxy;
    private readonly MethodAuthorizer _authorizer;
    private readonly ExecutionLog _log;
    private readonly ActivitySource? _tracing;

    /// <param name="tracing">Where the request spans go; null = none, and trace headers pass through as given.</param>
    /// <param name="time">The clock authorizer results expire by; null = the system's.</param>
    public ApiGatewayExecutor(MotoClient moto, ILambdaInvoker lambda, LocalCloudOptions options, ActivitySource? tracing = null, TimeProvider? time = null)
    {
        _tracing = tracing;
        _definitions = new ApiDefinitionCache(new ApiDefinitionLoader(moto));
        _log = new ExecutionLog(options.Log);
        _lambdaProxy = new LambdaProxyIntegration(lambda, options, _log);
        _authorizer = new MethodAuthorizer(moto, lambda, options, _log, tracing, time ?? TimeProvider.System);
    }

    public string ServiceName => ServiceResolver.ExecuteApi;

    public async Task HandleAsync(HttpContext context)
    {
        var xrayHeader = context.Request.Headers["X-Amzn-Trace-Id"].ToString();
        var traceparent = context.Request.Headers["traceparent"].ToString();
        using var span = StartRequestSpan(context.Request, xrayHeader, traceparent);
        // A W3C traceparent from the client continues its trace just as an X-Amzn-Trace-Id does;
        // with a span, what the function and the client see names that span as the parent.
        var ids = RequestIdentity.Create(span is null ? TraceContext.FromHeaders(xrayHeader, traceparent) ?? "" : TraceContext.ToXRay(span), DateTimeOffset.UtcNow);
        ApiResponse response;
        try
        {
            response = await ExecuteAsync(context, ids, span).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, "the client closed the connection");
            return; // the client went away; nothing is left to answer
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            // Answer as API Gateway would (a generic 500) and put the cause where a developer looks.
            _log.Write(context.Request, $"the request failed inside the local cloud: {exception}");
            span?.AddException(exception);
            response = GatewayResponses.InternalServerError(500);
        }
        if (span is not null)
        {
            span.SetTag("http.response.status_code", response.StatusCode);
            if (response.StatusCode >= 500)
                span.SetStatus(ActivityStatusCode.Error);
        }
        await ApiResponseWriter.WriteAsync(context, response, ids).ConfigureAwait(false);
    }

    /// <summary>
    /// The request's SERVER span, named by method until the route is known. Its parent is the
    /// client's traceparent, else its X-Amzn-Trace-Id; without either it starts a trace.
    /// </summary>
    private Activity? StartRequestSpan(HttpRequest request, string xrayHeader, string traceparent)
    {
        if (_tracing is null)
            return null;
        var parent = TraceContext.FromTraceparent(traceparent) ?? TraceContext.ToActivityContext(xrayHeader);
        var span = PlatformSpan.Start(_tracing, request.Method, ActivityKind.Server, parent);
        span?.SetTag("http.request.method", request.Method);
        span?.SetTag("url.path", request.Path.Value);
        span?.SetTag("url.scheme", request.Scheme);
        span?.SetTag("server.address", request.Host.Host);
        return span;
    }

    /// <summary>
    /// Drops cached definitions and authorizer results when an API Gateway control-plane call
    /// changed them: /restapis/{id}/… (a deployment, an authorizer update…) drops that API,
    /// creating an API drops nothing, anything else of API Gateway's (domain names, tags, …) drops all.
    /// </summary>
    public void OnProxied(ProxiedCall call)
    {
        var (service, path) = (call.Service, call.Path);
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
                _authorizer.Invalidate(Uri.UnescapeDataString(apiId));
                return;
            }
        }
        _definitions.InvalidateAll();
        _authorizer.InvalidateAll();
    }

    private async Task<ApiResponse> ExecuteAsync(HttpContext context, RequestIdentity ids, Activity? span)
    {
        if (InvokeUrlParser.Parse(context.Request) is not { } target)
            return GatewayResponses.Forbidden();
        span?.SetTag("aws.api_gateway.rest_api_id", target.ApiId);
        span?.SetTag("aws.api_gateway.stage", target.Stage);
        span?.SetTag("aws.request_id", ids.RequestId);

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
        if (span is not null)
        {
            span.DisplayName = $"{request.HttpMethod} {match.Resource.Path}";
            span.SetTag("http.route", match.Resource.Path);
        }

        // A method whose callers cannot be checked here must not be served open.
        var authorization = match.Method.Authorization;
        if (authorization.UnsupportedReason() is { } unsupported)
        {
            _log.Write(request, unsupported);
            return GatewayResponses.InternalServerError(500);
        }
        JsonObject? authorizerContext = null;
        if (authorization.UsesAuthorizer)
        {
            var outcome = await _authorizer.AuthorizeAsync(request, match, api, ids, context.RequestAborted).ConfigureAwait(false);
            if (outcome.Refusal is { } refusal)
                return refusal;
            authorizerContext = outcome.RequestContextAuthorizer;
        }

        return match.Method.Integration switch
        {
            null => Misconfigured(request, $"method {match.Method.HttpMethod} of {match.Resource.Path} has no integration; add one with PutIntegration."),
            { Type: ApiIntegration.AwsProxy } => await _lambdaProxy.InvokeAsync(request, match, api, ids, authorizerContext, context.RequestAborted).ConfigureAwait(false),
            { Type: ApiIntegration.Mock } integration => MockIntegration.Respond(request, integration, _log),
            { Type: var type } => Misconfigured(request, $"integration type {type} (method {match.Method.HttpMethod} of {match.Resource.Path}) is not supported by the local cloud; it runs AWS_PROXY (Lambda) and MOCK integrations."),
        };
    }

    private ApiResponse Misconfigured(ApiRequest request, string message)
    {
        _log.Write(request, message);
        return GatewayResponses.InternalServerError(500);
    }
}
