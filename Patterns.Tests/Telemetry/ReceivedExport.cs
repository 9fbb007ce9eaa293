using Patterns.Hosting.Dashboard.Otlp.Proto;

namespace Patterns.Tests.Telemetry;

/// <summary>A request as <see cref="OtlpReceiverStandIn"/> read it; <paramref name="Connection"/> counts from 1 in order of accept.</summary>
internal sealed record ReceivedExport(int Connection, string RequestLine, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>Parsed by the dashboard's own OTLP messages.</summary>
    public ExportTraceServiceRequest Request => ExportTraceServiceRequest.Parser.ParseFrom(Body);

    public IReadOnlyList<string> SpanNames => [.. Request.ResourceSpans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans).Select(s => s.Name)];
}
