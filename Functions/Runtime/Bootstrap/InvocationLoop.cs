using Functions.Runtime.Client;
using Functions.Runtime.Context;
using Functions.Runtime.ExceptionHandling;
using Functions.Runtime.Handlers;
using Functions.Runtime.Logging;
using Functions.Runtime.Telemetry;
using Patterns.ServiceDefaults;

namespace Functions.Runtime.Bootstrap;

/// <summary>Next event, handler, result: until the Runtime API goes away.</summary>
internal sealed class InvocationLoop(
    RuntimeApiClient runtimeApi,
    HandlerInvoker handler,
    FunctionEnvironment function,
    InvocationOutput output,
    InvocationTracing tracing,
    InvocationMetrics metrics,
    FunctionTelemetry? telemetry,
    TimeProvider time)
{
    private bool coldStart = true;

    /// <summary>
    /// Returns only by an exception: <see cref="RuntimeApiException"/> or cancellation. Runs on the
    /// calling thread, which also waits for an asynchronous handler: the thread that blocks on the
    /// Runtime API is the one woken by the next event.
    /// </summary>
    public void Run(CancellationToken cancellationToken)
    {
        while (true)
        {
            var invocation = runtimeApi.GetNextInvocation(cancellationToken);
            Serve(invocation, cancellationToken);
        }
    }

    private void Serve(Invocation invocation, CancellationToken cancellationToken)
    {
        // AWS runtimes publish the trace header here for the X-Ray SDK and for OpenTelemetry's propagator.
        Environment.SetEnvironmentVariable(RuntimeSettings.TraceIdVariable, invocation.TraceId);
        var context = new LambdaContext(invocation, function, new ConsoleLambdaLogger(invocation.RequestId, time, telemetry?.FunctionLog), time);

        byte[]? body = null;
        ErrorResponse? error = null;
        var measurement = metrics.Start(invocation, coldStart, listenerStarting: telemetry is not null);
        using (var activity = tracing.Start(invocation, coldStart, measurement?.Trigger))
        {
            coldStart = false;
            try
            {
                var pending = handler.InvokeAsync(invocation.Payload, context);
                body = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                // The handler's failure is the invocation's result: it goes to the caller as an Unhandled function error.
                error = ErrorResponse.FromException(exception);
                InvocationTracing.Fail(activity, exception);
                output.ReportFailure(invocation.RequestId, exception);
            }
        }

        // The meter provider starts beside the cold start; what is recorded before it listens is lost.
        telemetry?.WaitUntilStarted();
        metrics.Stop(measurement, failed: error is not null);

        // The trace is complete when the caller sees the result: the span ended above, and leaves now.
        if (telemetry is not null && !telemetry.Flush())
        {
            Console.Error.WriteLine($"Telemetry of invocation {invocation.RequestId} was not exported: is the OTLP receiver at OTEL_EXPORTER_OTLP_ENDPOINT running?");
        }

        output.Flush();
        if (error is null)
        {
            runtimeApi.PostResponse(invocation.RequestId, body, cancellationToken);
        }
        else
        {
            runtimeApi.PostError(invocation.RequestId, error, cancellationToken);
        }
        output.Complete(invocation.RequestId);
    }
}
