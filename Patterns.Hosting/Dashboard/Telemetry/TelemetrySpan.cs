using System.Collections.Immutable;

namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>A received span with the resource that sent it. Ids are lowercase hex; times are Unix nanoseconds.</summary>
internal sealed record TelemetrySpan(
    SpanKey Key,
    string? ParentSpanId,
    string Name,
    TelemetrySpanKind Kind,
    ulong StartUnixNano,
    ulong EndUnixNano,
    TelemetryStatus Status,
    string StatusMessage,
    ImmutableArray<TelemetryAttribute> Attributes,
    ImmutableArray<TelemetrySpanEvent> Events,
    ImmutableArray<TelemetrySpanLink> Links,
    TelemetryResource Resource,
    string ScopeName)
{
    public string TraceId => Key.TraceId;

    public string SpanId => Key.SpanId;

    public string ServiceName => Resource.ServiceName;

    public bool IsError => Status == TelemetryStatus.Error;

    /// <summary>Zero for a span whose end precedes its start (clock skew, or an exporter's bug).</summary>
    public TimeSpan Duration => EndUnixNano > StartUnixNano ? UnixNanos.ToTimeSpan(EndUnixNano - StartUnixNano) : TimeSpan.Zero;

    public string? Attribute(string key) => Attributes.FirstOrDefault(a => a.Key == key)?.Value;
}
