namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>Where a span is: its trace id and span id, both lowercase hex.</summary>
internal readonly record struct SpanKey(string TraceId, string SpanId);
