using System.Diagnostics;
using OpenTelemetry.Resources;
using Patterns.ServiceDefaults.Otlp;

namespace Patterns.LocalCloud.Telemetry;

/// <summary>
/// One service's spans: an ActivitySource recorded by a listener of its own (every span, as an
/// always-on sampler would), the ended spans kept until the next export, and the OTLP exporter that
/// sends them under the service's resource. Spans past <see cref="MaxQueuedSpans"/> between two
/// exports are dropped and counted, as OpenTelemetry's batch processor does.
/// </summary>
internal sealed class ServiceSpanExport : IDisposable
{
    internal const int MaxQueuedSpans = 2048;

    private readonly ActivityListener _listener;
    private readonly OtlpHttpTraceExporter _exporter;
    private readonly Resource _resource;
    private readonly Lock _queueLock = new();
    private List<Activity> _ended = [];
    private List<Activity> _exporting = [];
    private long _dropped;

    public ServiceSpanExport(string serviceName, ActivitySource source, OtlpHttpTraceExporter exporter)
    {
        Source = source;
        _exporter = exporter;
        // What OpenTelemetry's AddService gives an empty resource: the name and an instance id of its own.
        _resource = new Resource(new Dictionary<string, object>
        {
            ["service.name"] = serviceName,
            ["service.instance.id"] = Guid.NewGuid().ToString(),
        });
        _listener = new ActivityListener
        {
            ShouldListenTo = candidate => ReferenceEquals(candidate, source),
            // Locally every request is worth seeing; a caller's Sampled=0 does not hide it.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            SampleUsingParentId = (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Keep,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ActivitySource Source { get; }

    /// <summary>Sends what ended since the last export; the export thread's alone, never run twice at once.</summary>
    public void Export()
    {
        long dropped;
        lock (_queueLock)
        {
            (_ended, _exporting) = (_exporting, _ended);
            dropped = _dropped;
            _dropped = 0;
        }
        if (dropped > 0)
            _exporter.Report($"{dropped} span(s) of {Source.Name} were dropped: more than {MaxQueuedSpans} ended between two exports");
        _exporter.ReadAnswers(0);
        if (_exporting.Count > 0)
            _exporter.Export(_exporting, _resource);
        _exporting.Clear();
    }

    /// <summary>Stops recording, exports what is left and waits for the receiver's answers.</summary>
    public void Shutdown()
    {
        _listener.Dispose();
        Export();
        _exporter.Shutdown();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _exporter.Dispose();
        Source.Dispose();
    }

    private void Keep(Activity activity)
    {
        lock (_queueLock)
        {
            if (_ended.Count >= MaxQueuedSpans)
                _dropped++;
            else
                _ended.Add(activity);
        }
    }
}
