using System.Globalization;
using Amazon.Runtime.Internal;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Patterns.ServiceDefaults.Otlp;

namespace Patterns.ServiceDefaults;

/// <summary>
/// OpenTelemetry for a function process: traces, logs and metrics exported over OTLP/HTTP
/// protobuf to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, and a span for every AWS SDK call. Without that variable
/// <see cref="Start(Func{string, string?})"/> returns null and nothing listens, so an invocation
/// costs nothing for telemetry.
/// <code>
/// using var telemetry = FunctionTelemetry.Start(Environment.GetEnvironmentVariable);
/// // after each invocation, before its result is posted:
/// telemetry?.Flush();
/// </code>
/// </summary>
public sealed class FunctionTelemetry : IDisposable
{
    /// <summary>The ActivitySource of the Lambda runtime client's invocation spans.</summary>
    public const string RuntimeSourceName = "Patterns.Functions.Runtime";

    /// <summary>The Meter of the Lambda runtime client's FaaS metrics.</summary>
    public const string RuntimeMeterName = "Patterns.Functions.Runtime";

    /// <summary>Long enough for a local receiver, short enough that a gone one does not hold an invocation for long.</summary>
    private const int ExportTimeoutMilliseconds = 2_000;

    /// <summary>Invocations flush themselves; the schedule only catches what is made between invocations.</summary>
    private const int ScheduledDelayMilliseconds = 1_000;

    /// <summary>Log records are not flushed by invocations, so they go out on a short schedule of their own.</summary>
    private const int LogDelayMilliseconds = 200;

    /// <summary>
    /// Metrics are never flushed by invocations (recording is all an invocation pays for), so they
    /// go out every second: the dashboard's Metrics page keeps up while the app runs.
    /// </summary>
    private const int MetricIntervalMilliseconds = 1_000;

    /// <summary>Tag combinations kept per metric; more go to OpenTelemetry's overflow point.</summary>
    private const int MetricCardinalityLimit = 64;

    private readonly TracerProvider tracerProvider;
    private readonly AwsSdkTracingCustomizer sdkTracing;
    private readonly Task<(MeterProvider Meters, ILoggerFactory Logs)> metricsAndLogs;

    private FunctionTelemetry(TracerProvider tracerProvider, AwsSdkTracingCustomizer sdkTracing, Task<(MeterProvider, ILoggerFactory)> metricsAndLogs)
    {
        this.tracerProvider = tracerProvider;
        this.sdkTracing = sdkTracing;
        this.metricsAndLogs = metricsAndLogs;
    }

    /// <summary>
    /// The function's log lines as OTLP log records, tied to the span current when written. Its
    /// export starts beside the handler's binding; the first line written waits for it if it has not.
    /// </summary>
    public ILogger FunctionLog => field ??= new DeferredLogger(() => MetricsAndLogs().Logs.CreateLogger("Function"));

    /// <summary>
    /// Waits until metrics and log records are exported too (they start beside the handler's
    /// binding, off the init path); the runtime calls it before it records an invocation's
    /// metrics, so that no measurement is taken before anything listens.
    /// </summary>
    public void WaitUntilStarted() => MetricsAndLogs();

    /// <returns>The running telemetry, or null when OTEL_EXPORTER_OTLP_ENDPOINT is not set or not usable.</returns>
    public static FunctionTelemetry? Start(Func<string, string?> environment) => Start(environment, Console.Error);

    /// <param name="warnings">Told why telemetry stays off when the endpoint is not usable, and of every failed trace export.</param>
    internal static FunctionTelemetry? Start(Func<string, string?> environment, TextWriter warnings)
    {
        var endpoint = environment("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (string.IsNullOrEmpty(endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            // As OpenTelemetry SDKs do with bad settings: say so and run on, since telemetry must not stop the function.
            warnings.WriteLine(
                $"Telemetry is off: OTEL_EXPORTER_OTLP_ENDPOINT is '{endpoint}', which is not an http(s) URL. Set it to the OTLP/HTTP receiver's base URL, e.g. http://127.0.0.1:18888, or unset it.");
            return null;
        }

        var resource = ResourceFor(environment);
        var sdkTracing = new AwsSdkTracingCustomizer();
        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(RuntimeSourceName, AwsSdkTracingCustomizer.SourceName, Patterns.AwsClients.Core.AwsClientTracing.SourceName);
        var tracesUri = new Uri(baseUri, "v1/traces");
        if (tracesUri.Scheme == Uri.UriSchemeHttp)
        {
            // The invocation's path: its spans leave on the invocation thread, without waiting for the receiver's answer.
            var errors = TextWriter.Synchronized(warnings);
            var headers = OtlpHeaders.Parse(environment("OTEL_EXPORTER_OTLP_TRACES_HEADERS") ?? environment("OTEL_EXPORTER_OTLP_HEADERS"), errors);
            tracing.AddProcessor(new InvocationSpanProcessor(new OtlpHttpTraceExporter(tracesUri, headers, ExportTimeoutMilliseconds, errors), ScheduledDelayMilliseconds));
        }
        else
        {
            // https means a receiver elsewhere (a collector, a vendor): TLS is not worth a client of
            // our own, and a remote round trip is not what the fast path is for. OpenTelemetry's
            // exporter does it; a flush then waits for its answer.
            tracing.AddOtlpExporter(otlp => Configure(otlp, tracesUri));
        }

        // Built first and at once: the handler's constructor may already call AWS, and those spans count.
        var tracerProvider = tracing.Build();
        RuntimePipelineCustomizerRegistry.Instance.Register(sdkTracing);
        // Metrics and logs are needed from the first invocation on: built on another thread
        // while the handler binds, a cold start does not wait for them (some 60 ms of its init).
        var metricsAndLogs = Task.Run(() => StartMetricsAndLogs(resource, baseUri));
        return new FunctionTelemetry(tracerProvider, sdkTracing, metricsAndLogs);
    }

    private static (MeterProvider, ILoggerFactory) StartMetricsAndLogs(ResourceBuilder resource, Uri baseUri)
    {
        var meterProvider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(RuntimeMeterName)
            // The .NET runtime's own metrics (GC, heap, thread pool, exceptions), read at each export.
            .AddRuntimeInstrumentation()
            // A stream keeps room for as many points as its limit from its start: OpenTelemetry's
            // 2,000 made each instrument's set-up cost some 3 ms of a cold start. These have a
            // handful of tag combinations each (a trigger, a GC generation).
            .AddView("*", new MetricStreamConfiguration { CardinalityLimit = MetricCardinalityLimit })
            .AddOtlpExporter((otlp, reader) =>
            {
                Configure(otlp, new Uri(baseUri, "v1/metrics"));
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = MetricIntervalMilliseconds;
                reader.PeriodicExportingMetricReaderOptions.ExportTimeoutMilliseconds = ExportTimeoutMilliseconds;
            })
            .Build();

        var logOptions = new OtlpExporterOptions();
        Configure(logOptions, new Uri(baseUri, "v1/logs"));
        var logExport = new BatchLogRecordExportProcessor(new OtlpLogExporter(logOptions), scheduledDelayMilliseconds: LogDelayMilliseconds, exporterTimeoutMilliseconds: ExportTimeoutMilliseconds);
        var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(otel =>
        {
            otel.SetResourceBuilder(resource);
            otel.IncludeFormattedMessage = true;
            otel.AddProcessor(logExport);
        }));
        return (meterProvider, loggerFactory);
    }

    /// <summary>
    /// Exports every ended span now: the runtime calls it between ending an invocation's span and
    /// posting its result, so the trace is complete when the caller has the result. With an http
    /// endpoint the spans are written on the calling thread and have left the process when it
    /// returns; the receiver's answer is read at the next export (failures go to stderr). With
    /// https, OpenTelemetry's exporter sends them from its own thread and the flush waits for the
    /// receiver's answer. Log records follow on their own short
    /// schedule, off the invocation's path (its log lines may trail by a moment). Metrics are not
    /// flushed here either: they go out every second and when disposed.
    /// </summary>
    /// <returns>False when the spans could not be sent (no receiver, a broken connection) or not in time.</returns>
    public bool Flush() => tracerProvider.ForceFlush(ExportTimeoutMilliseconds);

    public void Dispose()
    {
        RuntimePipelineCustomizerRegistry.Instance.Deregister(sdkTracing);
        sdkTracing.Dispose();
        tracerProvider.Dispose();
        var (meterProvider, loggerFactory) = MetricsAndLogs();
        // Shutting down collects and exports once more, so what was recorded since the last export is not lost.
        meterProvider.Dispose();
        loggerFactory.Dispose();
    }

    // A failure to build them is the caller's, as it was when they were built on its thread.
    private (MeterProvider Meters, ILoggerFactory Logs) MetricsAndLogs() => metricsAndLogs.GetAwaiter().GetResult();

    private static void Configure(OtlpExporterOptions otlp, Uri endpoint)
    {
        // Set in code, the endpoint is taken as is: the signal's path is ours to add.
        otlp.Endpoint = endpoint;
        otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
        otlp.TimeoutMilliseconds = ExportTimeoutMilliseconds;
        otlp.ExportProcessorType = ExportProcessorType.Batch;
        otlp.BatchExportProcessorOptions.ScheduledDelayMilliseconds = ScheduledDelayMilliseconds;
    }

    internal static ResourceBuilder ResourceFor(Func<string, string?> environment)
    {
        var functionName = environment("AWS_LAMBDA_FUNCTION_NAME");
        var attributes = new Dictionary<string, object>
        {
            ["cloud.provider"] = "aws",
            ["cloud.platform"] = "aws_lambda",
        };
        AddIfSet(attributes, "faas.name", functionName);
        AddIfSet(attributes, "cloud.region", environment("AWS_REGION"));
        AddIfSet(attributes, "faas.version", environment("AWS_LAMBDA_FUNCTION_VERSION"));
        AddIfSet(attributes, "faas.instance", environment("AWS_LAMBDA_LOG_STREAM_NAME"));
        if (long.TryParse(environment("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes))
        {
            attributes["faas.max_memory"] = megabytes * 1024 * 1024;
        }

        var serviceName = environment("OTEL_SERVICE_NAME");
        if (string.IsNullOrEmpty(serviceName))
        {
            serviceName = string.IsNullOrEmpty(functionName) ? "unknown_service" : functionName;
        }

        var instanceId = environment("AWS_LAMBDA_LOG_STREAM_NAME");
        // OTEL_RESOURCE_ATTRIBUTES comes last so that what it names wins, service.instance.id included.
        return ResourceBuilder.CreateEmpty()
            .AddService(serviceName, serviceInstanceId: string.IsNullOrEmpty(instanceId) ? null : instanceId, autoGenerateServiceInstanceId: false)
            .AddAttributes(attributes)
            .AddTelemetrySdk()
            .AddDetector(new ResourceAttributesVariableDetector(environment));
    }

    private static void AddIfSet(Dictionary<string, object> attributes, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            attributes[key] = value;
        }
    }
}
