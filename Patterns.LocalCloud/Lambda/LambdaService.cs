using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda.Api;
using Patterns.LocalCloud.Lambda.EventSourceMappings;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Lambda.Functions;
using Patterns.LocalCloud.Lambda.Logs;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Telemetry;
using Patterns.LocalCloud.Triggers.Sqs;

namespace Patterns.LocalCloud.Lambda;

/// <summary>
/// The local Lambda service: the Lambda API on the edge, and the invocations that the API, API
/// Gateway and the triggers ask for, run in function processes.
/// </summary>
internal sealed class LambdaService : IEdgeService, ILambdaInvoker, IAsyncDisposable
{
    private readonly LocalCloudOptions _options;
    private readonly InstanceSettings _instanceSettings;
    private readonly CloudWatchLogWriter _logs;
    private readonly LambdaApi _api;
    private readonly ActivitySource? _tracing;

    /// <param name="tracing">Where the invoke spans go; null = none, and trace headers pass through as given.</param>
    /// <param name="sqsTracing">Where the SQS event source mappings' batch spans go; null = none.</param>
    public LambdaService(LocalCloudOptions options, MotoClient moto, int edgePort, ActivitySource? tracing = null, ActivitySource? sqsTracing = null)
    {
        _options = options;
        _tracing = tracing;
        Registry = new FunctionRegistry(options.Region, options.AccountId);
        _logs = new CloudWatchLogWriter(moto, options.Log);
        _instanceSettings = new InstanceSettings(
            $"http://127.0.0.1:{edgePort}",
            options.Region,
            options.FunctionBaseEnvironment,
            options.FunctionInstanceEnvironment,
            "\u001eLOCALCLOUD-END ",
            _logs,
            options.FunctionOutput,
            options.Log);
        Async = new AsyncInvoker(this, Registry, moto, options);
        EventSourceMappings = new EventSourceMappingRegistry(Registry, this, new SqsQueueClient(moto, options.Region), options, sqsTracing);
        _api = new LambdaApi(this, new FunctionCodeResolver(moto, options.StateDirectory));
    }

    public string ServiceName => ServiceResolver.Lambda;

    internal FunctionRegistry Registry { get; }

    internal AsyncInvoker Async { get; }

    internal EventSourceMappingRegistry EventSourceMappings { get; }

    internal LocalCloudOptions Options => _options;

    public Task HandleAsync(HttpContext context) => _api.HandleAsync(context);

    public RegisteredFunction Create(FunctionDefinition definition)
    {
        var function = new RegisteredFunction(definition, new FunctionPool(_options.MaxInstancesPerFunction, _instanceSettings));
        if (!Registry.TryAdd(function))
            throw LambdaErrors.FunctionExists(definition.Name);
        return function;
    }

    public async Task DeleteAsync(string reference)
    {
        var function = Registry.Remove(reference);
        await function.Pool.DisposeAsync().ConfigureAwait(false);
    }

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var function = Registry.Get(request.FunctionName, request.Qualifier);
        var definition = function.Definition;
        using var span = StartInvokeSpan(request, definition.Name);
        var invocation = new PendingInvocation(
            Guid.NewGuid().ToString(),
            request.Payload,
            span is null ? request.TraceHeader ?? TraceHeader.New() : TraceContext.ToXRay(span),
            request.ClientContext);
        span?.SetTag("aws.request_id", invocation.RequestId);
        span?.SetTag("faas.invocation_id", invocation.RequestId);
        InstanceInvocation result;
        try
        {
            var instance = await function.Pool.AcquireAsync(definition, cancellationToken).ConfigureAwait(false);
            span?.SetTag("faas.coldstart", !instance.IsStarted);
            try
            {
                // Once started, an invocation runs to its end even if the caller gives up, as in AWS.
                result = await instance.InvokeAsync(invocation, request.TailLog).ConfigureAwait(false);
            }
            finally
            {
                function.Pool.Release(instance);
            }
        }
        catch (Exception exception) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, exception.Message);
            span.AddException(exception);
            throw;
        }
        if (result.Outcome.IsError)
            span?.SetStatus(ActivityStatusCode.Error, "Unhandled");
        return new InvocationResult(
            result.Outcome.Payload,
            result.Outcome.IsError ? "Unhandled" : null,
            "$LATEST",
            invocation.RequestId,
            result.LogTail);
    }

    /// <summary>
    /// The invoke's span: a child of the caller's trace header, else the start of a new trace.
    /// Its id goes to the function as Parent, so the function's span is its child.
    /// </summary>
    private Activity? StartInvokeSpan(InvocationRequest request, string functionName)
    {
        if (_tracing is null)
            return null;
        var span = PlatformSpan.Start(_tracing, $"Invoke {functionName}", ActivityKind.Client, TraceContext.ToActivityContext(request.TraceHeader));
        span?.SetTag("faas.invoked_name", functionName);
        span?.SetTag("faas.invoked_provider", "aws");
        span?.SetTag("faas.invoked_region", _options.Region);
        span?.SetTag("rpc.system", "aws-api");
        span?.SetTag("rpc.service", "Lambda");
        span?.SetTag("rpc.method", "Invoke");
        return span;
    }

    /// <summary>Waits until the log of every invocation that has answered so far is in CloudWatch Logs.</summary>
    public Task FlushLogsAsync(CancellationToken cancellationToken) => _logs.FlushAsync(cancellationToken);

    public IReadOnlyDictionary<string, int> RunningInstances() =>
        Registry.All().ToDictionary(f => f.Definition.Name, f => f.Pool.RunningCount, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        // Pollers first: their batches in flight still need the function instances.
        await EventSourceMappings.DisposeAsync().ConfigureAwait(false);
        await Async.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(Registry.All().Select(f => f.Pool.DisposeAsync().AsTask())).ConfigureAwait(false);
        await _logs.DisposeAsync().ConfigureAwait(false);
    }
}
