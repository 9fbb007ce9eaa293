using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Patterns.Tests.Dashboard;

/// <summary>
/// OpenTelemetry SDK pipelines with the real OTLP exporter (HTTP/protobuf) pointed at a
/// dashboard, one per service as each process would have. Spans export as they end, so a test
/// only waits for the receiver, not a batch timer.
/// </summary>
internal static class OtlpExporters
{
    public static TracerProvider Tracing(Uri dashboard, string serviceName, string sourceName, params KeyValuePair<string, object>[] resourceAttributes) =>
        Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(Resource(serviceName, resourceAttributes))
            .AddSource(sourceName)
            .AddOtlpExporter(o =>
            {
                o.Endpoint = new Uri(dashboard, "v1/traces");
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build();

    public static ILoggerFactory Logging(Uri dashboard, string serviceName) =>
        LoggerFactory.Create(builder => builder.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(Resource(serviceName, []));
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter((exporter, processor) =>
            {
                exporter.Endpoint = new Uri(dashboard, "v1/logs");
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                processor.ExportProcessorType = ExportProcessorType.Simple;
            });
        }));

    public static MeterProvider Metrics(Uri dashboard, string serviceName, string meterName) =>
        Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(Resource(serviceName, []))
            .AddMeter(meterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = new Uri(dashboard, "v1/metrics");
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000;
            })
            .Build();

    public static string Hex(ActivityTraceId id) => id.ToHexString();

    public static string Hex(ActivitySpanId id) => id.ToHexString();

    private static ResourceBuilder Resource(string serviceName, KeyValuePair<string, object>[] attributes) =>
        ResourceBuilder.CreateEmpty().AddService(serviceName, serviceInstanceId: "test-instance").AddAttributes(attributes);
}
