using System.Collections.Immutable;

namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>A received log record; <see cref="TraceId"/> and <see cref="SpanId"/> are null outside a span.</summary>
internal sealed record TelemetryLogRecord(
    ulong TimeUnixNano,
    int SeverityNumber,
    string SeverityText,
    string Body,
    ImmutableArray<TelemetryAttribute> Attributes,
    string? TraceId,
    string? SpanId,
    TelemetryResource Resource,
    string ScopeName)
{
    public string ServiceName => Resource.ServiceName;

    public LogLevelName Level => LogLevelName.Of(SeverityNumber, SeverityText);
}
