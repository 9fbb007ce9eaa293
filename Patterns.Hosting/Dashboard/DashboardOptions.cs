namespace Patterns.Hosting.Dashboard;

/// <summary>Where the dashboard listens and how much telemetry it keeps.</summary>
public sealed record DashboardOptions
{
    public const int DefaultPort = 18888;

    /// <summary>The port on 127.0.0.1 for the pages and the OTLP receiver; 0 picks a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Spans kept; the oldest are dropped first (with their traces once empty).</summary>
    public int MaxSpans { get; init; } = 10_000;

    public int MaxLogRecords { get; init; } = 10_000;

    public int MaxMetricPoints { get; init; } = 10_000;

    public int MaxConsoleLinesPerFunction { get; init; } = 2_000;

    /// <summary>The largest OTLP request accepted, compressed and decompressed; a larger one gets 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How often an open page asks whether it changed.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);
}
