namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>Running counts for one function; the store calls it under its lock.</summary>
internal sealed class InvocationCounter(string function, int sampleSize)
{
    private readonly RingBuffer<TimeSpan> _recentDurations = new(sampleSize);
    private long _count;
    private long _errors;
    private long _coldStarts;
    private TimeSpan _coldStartTotal;
    private ulong _lastStartUnixNano;

    public void Add(TelemetrySpan span, bool coldStart)
    {
        _count++;
        if (span.IsError)
            _errors++;
        if (coldStart)
        {
            _coldStarts++;
            _coldStartTotal += span.Duration;
        }
        _recentDurations.Add(span.Duration, out _);
        _lastStartUnixNano = Math.Max(_lastStartUnixNano, span.StartUnixNano);
    }

    public InvocationStats Snapshot()
    {
        var durations = _recentDurations.ToList();
        durations.Sort();
        return new InvocationStats(
            function,
            _count,
            _errors,
            _coldStarts,
            Percentile(durations, 0.50),
            Percentile(durations, 0.99),
            _coldStarts == 0 ? null : _coldStartTotal / _coldStarts,
            _count == 0 ? null : UnixNanos.ToDateTimeOffset(_lastStartUnixNano));
    }

    // Nearest rank: the smallest value with at least p of the sample at or below it.
    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
