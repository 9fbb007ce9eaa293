using System.Diagnostics;
using Patterns.ServiceDefaults.Otlp;

namespace Patterns.LocalCloud.Telemetry;

/// <summary>
/// The local cloud's own spans, exported over OTLP/HTTP protobuf. Each AWS service of ours gets
/// its own source and resource so that a receiver sees them as separate services ("API Gateway",
/// "Lambda", "SNS", …), as AWS's own services appear in a trace. Spans are recorded by
/// ActivityListeners and sent by one thread every 200 ms, with the functions' exporter, instead of
/// through OpenTelemetry's SDK: six of its tracer providers took some 0.1 s of CPU to build, at a
/// start that is short of CPU. Disposing exports what is pending.
/// </summary>
internal sealed class LocalCloudTelemetry : IDisposable
{
    private static readonly TimeSpan ExportDelay = TimeSpan.FromMilliseconds(200);
    private const int ExportTimeoutMilliseconds = 10_000;

    private readonly List<ServiceSpanExport> _services = [];
    private readonly ManualResetEventSlim _stopping = new();
    private readonly Thread _exportThread;

    /// <param name="instanceName">
    /// Tells this host's sources from another's in the same process: listeners listen by source,
    /// and two hosts' spans must not go out under each other's services.
    /// </param>
    /// <param name="log">Told what export lost and why; null = nowhere.</param>
    public LocalCloudTelemetry(Uri otlpEndpoint, string instanceName, TextWriter? log)
    {
        var tracesEndpoint = new Uri(otlpEndpoint.ToString().TrimEnd('/') + "/v1/traces");
        var errors = log is null ? TextWriter.Null : TextWriter.Synchronized(log);
        ActivitySource Add(string serviceName, string sourceName)
        {
            var source = new ActivitySource($"Patterns.LocalCloud.{sourceName}.{instanceName}");
            _services.Add(new ServiceSpanExport(serviceName, source, new OtlpHttpTraceExporter(tracesEndpoint, [], ExportTimeoutMilliseconds, errors)));
            return source;
        }
        ApiGateway = Add("API Gateway", "ApiGateway");
        Lambda = Add("Lambda", "Lambda");
        EventBridge = Add("EventBridge", "EventBridge");
        Sns = Add("SNS", "Sns");
        Sqs = Add("SQS", "Sqs");
        S3 = Add("S3", "S3");
        _exportThread = new Thread(ExportUntilStopped) { IsBackground = true, Name = "Local cloud OTLP export" };
        _exportThread.Start();
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

    public void Dispose()
    {
        _stopping.Set();
        _exportThread.Join();
        foreach (var service in _services)
            service.Shutdown();
        foreach (var service in _services)
            service.Dispose();
        _stopping.Dispose();
    }

    private void ExportUntilStopped()
    {
        while (!_stopping.Wait(ExportDelay))
        {
            foreach (var service in _services)
                service.Export();
        }
    }
}
