using System.Collections.Concurrent;
using System.Diagnostics;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// An <see cref="ExecuteApiFixture"/> whose executor records spans in a source of its own
/// (collected as they end) and reads a clock the tests can move forward.
/// </summary>
public sealed class InstrumentedExecuteApiFixture : ExecuteApiFixture
{
    private readonly ActivitySource _source;
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();

    public InstrumentedExecuteApiFixture()
        : this(new ActivitySource("Patterns.Tests.ApiGateway." + Guid.NewGuid().ToString("N")), new ShiftableTimeProvider())
    {
    }

    private InstrumentedExecuteApiFixture(ActivitySource source, ShiftableTimeProvider clock)
        : base(source, clock)
    {
        _source = source;
        Clock = clock;
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

    /// <summary>Only moves forward, so tests that do not move it see time as usual.</summary>
    internal ShiftableTimeProvider Clock { get; }

    internal CognitoControlPlane Cognito => new(Edge);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _listener.Dispose();
        _source.Dispose();
    }
}
