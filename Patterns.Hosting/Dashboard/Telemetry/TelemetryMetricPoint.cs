using System.Collections.Immutable;

namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>One data point of a received metric, its value rendered to text (a number, or count/sum for a histogram).</summary>
internal sealed record TelemetryMetricPoint(
    string Name,
    string Unit,
    string Type,
    ulong TimeUnixNano,
    string Value,
    ImmutableArray<TelemetryAttribute> Attributes,
    TelemetryResource Resource);
