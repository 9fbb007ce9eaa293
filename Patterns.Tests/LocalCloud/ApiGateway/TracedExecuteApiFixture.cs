using System.Collections.Concurrent;
using System.Diagnostics;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>An <see cref="ExecuteApiFixture"/> whose executor records spans in a source of its own, collected as they end.</summary>
public sealed class TracedExecuteApiFixture : ExecuteApiFixture
{
    private readonly ActivitySource _source;
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();

    public TracedExecuteApiFixture()
        : this(new ActivitySource("Patterns.Tests.ApiGateway." + Guid.NewGuid().ToString("N")))
    {
    }

    private TracedExecuteApiFixture(ActivitySource source)
        : base(source, time: null)
    {
        _source = source;
        _listener = new ActivityListener
        {
            ShouldListenTo = candidate => ReferenceEquals(candidate, source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The spans that have ended so far.</summary>
    public IReadOnlyList<Activity> Spans => _spans.ToArray();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _listener.Dispose();
        _source.Dispose();
    }
}
