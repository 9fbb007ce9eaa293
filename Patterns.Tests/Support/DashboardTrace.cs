using Patterns.Hosting.Dashboard.Telemetry;

namespace Patterns.Tests.Support;

/// <summary>Waits for a trace in a dashboard's store: the local cloud's and the functions' spans leave on short batch schedules.</summary>
internal static class DashboardTrace
{
    /// <summary>The trace's spans once <paramref name="complete"/> holds; fails naming what the trace holds at the deadline.</summary>
    public static async Task<IReadOnlyList<TelemetrySpan>> WaitAsync(TelemetryStore store, string traceId, Func<IReadOnlyList<TelemetrySpan>, bool> complete, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var spans = store.GetTrace(traceId);
            if (complete(spans))
                return spans;
            if (DateTime.UtcNow > until)
                Assert.Fail($"Trace {traceId} was not complete in the dashboard after {deadline.TotalSeconds} s; it holds: [{string.Join(", ", spans.Select(s => $"{s.ServiceName}: {s.Name}"))}].");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
