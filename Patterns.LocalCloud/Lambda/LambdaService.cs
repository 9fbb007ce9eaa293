using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda.Api;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Lambda.Functions;
using Patterns.LocalCloud.Lambda.Logs;
using Patterns.LocalCloud.Moto;

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

    public LambdaService(LocalCloudOptions options, MotoClient moto, int edgePort)
    {
        _options = options;
        Registry = new FunctionRegistry(options.Region, options.AccountId);
        _logs = new CloudWatchLogWriter(moto, options.Log);
        _instanceSettings = new InstanceSettings(
            $"http://127.0.0.1:{edgePort}",
            options.Region,
            options.FunctionBaseEnvironment,
            "\u001eLOCALCLOUD-END ",
            _logs,
            options.FunctionOutput,
            options.Log);
        Async = new AsyncInvoker(this, Registry, moto, options);
        _api = new LambdaApi(this, new FunctionCodeResolver(moto, options.StateDirectory));
    }

    public string ServiceName => ServiceResolver.Lambda;

    internal FunctionRegistry Registry { get; }

    internal AsyncInvoker Async { get; }

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
        var invocation = new PendingInvocation(Guid.NewGuid().ToString(), request.Payload, request.TraceHeader ?? TraceHeader.New(), request.ClientContext);
        var instance = await function.Pool.AcquireAsync(definition, cancellationToken).ConfigureAwait(false);
        InstanceInvocation result;
        try
        {
            // Once started, an invocation runs to its end even if the caller gives up, as in AWS.
            result = await instance.InvokeAsync(invocation, request.TailLog).ConfigureAwait(false);
        }
        finally
        {
            function.Pool.Release(instance);
        }
        return new InvocationResult(
            result.Outcome.Payload,
            result.Outcome.IsError ? "Unhandled" : null,
            "$LATEST",
            invocation.RequestId,
            result.LogTail);
    }

    /// <summary>Waits until every function log line written so far is in CloudWatch Logs.</summary>
    public Task FlushLogsAsync(CancellationToken cancellationToken) => _logs.FlushAsync(cancellationToken);

    public IReadOnlyDictionary<string, int> RunningInstances() =>
        Registry.All().ToDictionary(f => f.Definition.Name, f => f.Pool.RunningCount, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Async.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(Registry.All().Select(f => f.Pool.DisposeAsync().AsTask())).ConfigureAwait(false);
        await _logs.DisposeAsync().ConfigureAwait(false);
    }
}
