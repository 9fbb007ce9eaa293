using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Patterns.LocalCloud.Telemetry;

/// <summary>
/// The local cloud's own spans, exported over OTLP/HTTP. Each AWS service of ours gets its own
/// source and provider so that a receiver sees them as separate resources ("API Gateway",
/// "Lambda", "SNS", …), as AWS's own services appear in a trace. Disposing flushes what is pending.
/// </summary>
internal sealed class LocalCloudTelemetry : IDisposable
{
    private static readonly TimeSpan ExportDelay = TimeSpan.FromMilliseconds(200);

    private readonly List<(ActivitySource Source, TracerProvider Provider)> _services = [];

    /// <param name="instanceName">
    /// Tells this host's sources from another's in the same process: providers listen by source
    /// name, so two hosts with one name would export each other's spans.
    /// </param>
    public LocalCloudTelemetry(Uri otlpEndpoint, string instanceName)
    {
        var tracesEndpoint = new Uri(otlpEndpoint.ToString().TrimEnd('/') + "/v1/traces");
        ActivitySource Add(string serviceName, string sourceName)
        {
            var source = new ActivitySource($"Patterns.LocalCloud.{sourceName}.{instanceName}");
            _services.Add((source, CreateProvider(serviceName, source, tracesEndpoint)));
            return source;
        }
        ApiGateway = Add("API Gateway", "ApiGateway");
        Lambda = Add("Lambda", "Lambda");
        EventBridge = Add("EventBridge", "EventBridge");
        Sns = Add("SNS", "Sns");
        Sqs = Add("SQS", "Sqs");
        S3 = Add("S3", "S3");
    }

    public ActivitySource ApiGateway { get; }

    public ActivitySource Lambda { get; }

    /// <summary>PutEvents, rule matching and each target's delivery.</summary>
    public ActivitySource EventBridge { get; }

    /// <summary>Publish and each subscription's delivery.</summary>
    public ActivitySource Sns { get; }

    /// <summary>The event source mappings' polls and batches.</summary>
    public ActivitySource Sqs { get; }

    /// <summary>Bucket notifications' deliveries.</summary>
    public ActivitySource S3 { get; }

    private static TracerProvider CreateProvider(string serviceName, ActivitySource source, Uri tracesEndpoint) =>
        Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(serviceName))
            // Locally every request is worth seeing; a caller's Sampled=0 does not hide it.
            .SetSampler(new AlwaysOnSampler())
            .AddSource(source.Name)
            .AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = tracesEndpoint;
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.ExportProcessorType = ExportProcessorType.Batch;
                exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = (int)ExportDelay.TotalMilliseconds;
            })
            .Build();

    public void Dispose()
    {
        foreach (var (source, provider) in _services)
        {
            provider.Dispose();
            source.Dispose();
        }
    }
}
