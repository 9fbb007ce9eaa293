namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>
/// A function's invocations since the dashboard started: counts are exact; the percentiles are
/// over the most recent invocations (the store keeps a bounded sample).
/// </summary>
internal sealed record InvocationStats(
    string Function,
    long Count,
    long Errors,
    long ColdStarts,
    TimeSpan P50,
    TimeSpan P99,
    TimeSpan? AverageColdStart,
    DateTimeOffset? LastInvoked);
