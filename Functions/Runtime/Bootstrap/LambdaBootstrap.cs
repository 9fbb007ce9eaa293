using System.Diagnostics;
using Functions.Runtime.Client;
using Functions.Runtime.Context;
using Functions.Runtime.ExceptionHandling;
using Functions.Runtime.Handlers;
using Functions.Runtime.Logging;
using Functions.Runtime.Telemetry;
using Patterns.ServiceDefaults;

namespace Functions.Runtime.Bootstrap;

/// <summary>
/// The custom runtime's life: check the environment, bind the handler (reporting an init error
/// to the Runtime API when that fails), then serve invocations until the Runtime API is gone.
/// </summary>
internal static class LambdaBootstrap
{
    public static int Run(Func<string, string?> environment, TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = RuntimeSettings.Read(environment);
        if (settings.RuntimeApi is null)
        {
            Console.Error.WriteLine(RuntimeErrors.RuntimeApiNotSet(RuntimeSettings.RuntimeApiVariable));
            return ExitCodes.NotInRuntimeEnvironment;
        }

        if (!RuntimeSettings.IsHostAndPort(settings.RuntimeApi))
        {
            Console.Error.WriteLine(RuntimeErrors.RuntimeApiInvalid(RuntimeSettings.RuntimeApiVariable, settings.RuntimeApi));
            return ExitCodes.NotInRuntimeEnvironment;
        }

        using var runtimeApi = new RuntimeApiClient(settings.RuntimeApi);
        // Before the handler binds, so the AWS SDK clients its constructor makes are traced too.
        using var telemetry = FunctionTelemetry.Start(environment);
        try
        {
            var handler = Initialize(runtimeApi, settings, cancellationToken);
            if (handler is null)
            {
                return ExitCodes.InitializationFailed;
            }

            var function = FunctionEnvironment.Read(environment);
            using var tracing = new InvocationTracing(function);
            using var metrics = new InvocationMetrics(SinceProcessStart(time), time);
            var loop = new InvocationLoop(runtimeApi, handler, function, new InvocationOutput(settings.LogMarker, time), tracing, metrics, telemetry, time);
            loop.Run(cancellationToken);
            return ExitCodes.Stopped;
        }
        catch (RuntimeApiException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return ExitCodes.RuntimeApiUnavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Stopped;
        }
    }

    /// <summary>The init phase as Lambda counts it: the runtime's own start-up included, not only the handler's binding.</summary>
    private static TimeSpan SinceProcessStart(TimeProvider time)
    {
        using var process = Process.GetCurrentProcess();
        return time.GetUtcNow() - process.StartTime.ToUniversalTime();
    }

    /// <returns>The bound handler, or null after an init error was reported.</returns>
    private static HandlerInvoker? Initialize(RuntimeApiClient runtimeApi, RuntimeSettings settings, CancellationToken cancellationToken)
    {
        ErrorResponse error;
        try
        {
            var name = settings.Handler is null
                ? throw new LambdaRuntimeException(RuntimeErrors.MalformedHandlerName, RuntimeErrors.HandlerNotSet(RuntimeSettings.HandlerVariable))
                : HandlerName.Parse(settings.Handler);
            return HandlerBinder.Bind(name, LambdaJson.CreateOptions());
        }
        catch (Exception exception)
        {
            // Whatever stops the handler from existing is an init error, a constructor's own exception included.
            error = ErrorResponse.FromException(exception);
            Console.Error.WriteLine(RuntimeErrors.InitFailed(error));
        }

        runtimeApi.PostInitError(error, cancellationToken);
        return null;
    }
}
