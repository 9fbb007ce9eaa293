using System.Collections.Concurrent;
using System.Diagnostics;
using Patterns.LocalCloud;

namespace Patterns.Tests.LocalCloud.Triggers.SqsEventSources;

/// <summary>
/// A local cloud with its own spans switched on (exported to a port where nothing listens) and an
/// in-process listener that keeps the spans of this cloud's SQS and Lambda sources.
/// </summary>
public sealed class SqsTelemetryFixture : SqsTriggerFixture, IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public SqsTelemetryFixture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Patterns.LocalCloud.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The finished spans of this cloud (its sources are named after its edge port).</summary>
    public IReadOnlyList<Activity> Spans =>
        [.. _spans.Where(s => s.Source.Name.EndsWith("." + Cloud.EdgeUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))];

    protected override LocalCloudOptions Options(LocalCloudOptions defaults) =>
        defaults with { OtlpEndpoint = new Uri($"http://127.0.0.1:{Patterns.LocalCloud.Moto.MotoServer.FreePort()}/") };

    public void Dispose() => _listener.Dispose();
}
