using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Patterns.LocalCloud.Telemetry;

/// <summary>
/// The local cloud's own spans, exported over OTLP/HTTP. API Gateway and Lambda each get their
/// own source and provider so that a receiver sees them as two resources ("API Gateway",
/// "Lambda"), as AWS's own services appear in a trace. Disposing flushes what is pending.
/// </summary>
internal sealed class LocalCloudTelemetry : IDisposable
{
    private static readonly TimeSpan ExportDelay = TimeSpan.FromMilliseconds(200);

    private readonly TracerProvider _apiGatewayProvider;
    private readonly TracerProvider _lambdaProvider;

    /// <param name="instanceName">
    /// Tells this host's sources from another's in the same process: providers listen by source
    /// name, so two hosts with one name would export each other's spans.
    /// </param>
    public LocalCloudTelemetry(Uri otlpEndpoint, string instanceName)
    {
        var tracesEndpoint = new Uri(otlpEndpoint.ToString().TrimEnd('/') + "/v1/traces");
        ApiGateway = new ActivitySource($"Patterns.LocalCloud.ApiGateway.{instanceName}");
        Lambda = new ActivitySource($"Patterns.LocalCloud.Lambda.{instanceName}");
        _apiGatewayProvider = CreateProvider("API Gateway", ApiGateway, tracesEndpoint);
        _lambdaProvider = CreateProvider("Lambda", Lambda, tracesEndpoint);
    }

    public ActivitySource ApiGateway { get; }

    public ActivitySource Lambda { get; }

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
        _apiGatewayProvider.Dispose();
        _lambdaProvider.Dispose();
        ApiGateway.Dispose();
        Lambda.Dispose();
    }
}
