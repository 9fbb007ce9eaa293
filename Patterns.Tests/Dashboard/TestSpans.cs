using System.Collections.Immutable;
using Patterns.Hosting.Dashboard.Telemetry;

namespace Patterns.Tests.Dashboard;

/// <summary>Spans built directly for the store's and pages' tests, with readable ids padded to OTLP's lengths.</summary>
internal static class TestSpans
{
    public static readonly ulong Start = 1_700_000_000_000_000_000;

    public static string TraceId(int n) => n.ToString("x32");

    public static string SpanId(int n) => n.ToString("x16");

    public static TelemetrySpan Span(
        int trace,
        int span,
        int? parent = null,
        string service = "svc",
        string? name = null,
        TelemetrySpanKind kind = TelemetrySpanKind.Internal,
        double startMs = 0,
        double durationMs = 1,
        bool error = false,
        (string Key, string Value)[]? attributes = null,
        SpanKey[]? links = null,
        TelemetryResource? resource = null) =>
        new(
            new SpanKey(TraceId(trace), SpanId(span)),
            parent is { } p ? SpanId(p) : null,
            name ?? $"span {span}",
            kind,
            Start + (ulong)(startMs * 1_000_000),
            Start + (ulong)((startMs + durationMs) * 1_000_000),
            error ? TelemetryStatus.Error : TelemetryStatus.Unset,
            error ? "failed" : "",
            [.. (attributes ?? []).Select(a => new TelemetryAttribute(a.Key, a.Value))],
            [],
            [.. (links ?? []).Select(l => new TelemetrySpanLink(l, []))],
            resource ?? new TelemetryResource(service, [new TelemetryAttribute("service.name", service)]),
            "test");

    public static TelemetrySpan Invocation(int trace, int span, string function, double durationMs, bool coldStart = false, bool error = false) =>
        Span(trace, span, service: function, name: function, kind: TelemetrySpanKind.Server, durationMs: durationMs, error: error,
            attributes: [("faas.trigger", "http"), ("faas.invocation_id", $"inv-{span}"), ("faas.coldstart", coldStart ? "true" : "false")]);

    public static TelemetryLogRecord Log(string service, int severity, string body, int? trace = null, int? span = null) =>
        new(Start, severity, "", body, ImmutableArray<TelemetryAttribute>.Empty,
            trace is { } t ? TraceId(t) : null, span is { } s ? SpanId(s) : null,
            new TelemetryResource(service, []), "test");
}
