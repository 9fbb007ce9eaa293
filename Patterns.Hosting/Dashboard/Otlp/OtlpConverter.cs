using Patterns.Hosting.Dashboard.Otlp.Proto;
using Patterns.Hosting.Dashboard.Telemetry;

namespace Patterns.Hosting.Dashboard.Otlp;

/// <summary>
/// Turns export requests into the store's records. An item that breaks OTLP's rules (a span
/// without a valid trace or span id) is counted as rejected, as OTLP's partial success
/// reports, and the rest of the request is kept.
/// </summary>
internal static class OtlpConverter
{
    public static ConversionResult<TelemetrySpan> Spans(ExportTraceServiceRequest request)
    {
        var spans = new List<TelemetrySpan>();
        var rejected = 0L;
        string? firstError = null;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = OtlpValues.Resource(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = scopeSpans.Scope?.Name ?? "";
                foreach (var span in scopeSpans.Spans)
                {
                    try
                    {
                        spans.Add(Span(span, resource, scope));
                    }
                    catch (FormatException exception)
                    {
                        rejected++;
                        firstError ??= $"span '{span.Name}': {exception.Message}";
                    }
                }
            }
        }
        return new ConversionResult<TelemetrySpan>(spans, rejected, firstError);
    }

    public static ConversionResult<TelemetryLogRecord> Logs(ExportLogsServiceRequest request)
    {
        var records = new List<TelemetryLogRecord>();
        var rejected = 0L;
        string? firstError = null;
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = OtlpValues.Resource(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = scopeLogs.Scope?.Name ?? "";
                foreach (var record in scopeLogs.LogRecords)
                {
                    try
                    {
                        records.Add(new TelemetryLogRecord(
                            record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano,
                            (int)record.SeverityNumber,
                            record.SeverityText,
                            OtlpValues.Format(record.Body),
                            OtlpValues.Attributes(record.Attributes),
                            OtlpValues.Id(record.TraceId, 16, "trace_id"),
                            OtlpValues.Id(record.SpanId, 8, "span_id"),
                            resource,
                            scope));
                    }
                    catch (FormatException exception)
                    {
                        rejected++;
                        firstError ??= $"log record: {exception.Message}";
                    }
                }
            }
        }
        return new ConversionResult<TelemetryLogRecord>(records, rejected, firstError);
    }

    public static ConversionResult<TelemetryMetricPoint> Metrics(ExportMetricsServiceRequest request)
    {
        var points = new List<TelemetryMetricPoint>();
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = OtlpValues.Resource(resourceMetrics.Resource);
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics))
                points.AddRange(MetricPoints(metric, resource));
        }
        return new ConversionResult<TelemetryMetricPoint>(points, 0, null);
    }

    private static TelemetrySpan Span(Span span, TelemetryResource resource, string scope)
    {
        var traceId = OtlpValues.Id(span.TraceId, 16, "trace_id") ?? throw new FormatException("trace_id is missing.");
        var spanId = OtlpValues.Id(span.SpanId, 8, "span_id") ?? throw new FormatException("span_id is missing.");
        return new TelemetrySpan(
            new SpanKey(traceId, spanId),
            OtlpValues.Id(span.ParentSpanId, 8, "parent_span_id"),
            span.Name,
            (TelemetrySpanKind)Math.Clamp((int)span.Kind, 0, 5),
            span.StartTimeUnixNano,
            span.EndTimeUnixNano,
            span.Status is null ? TelemetryStatus.Unset : (TelemetryStatus)Math.Clamp((int)span.Status.Code, 0, 2),
            span.Status?.Message ?? "",
            OtlpValues.Attributes(span.Attributes),
            [.. span.Events.Select(e => new TelemetrySpanEvent(e.Name, e.TimeUnixNano, OtlpValues.Attributes(e.Attributes)))],
            [.. span.Links.Select(l => new TelemetrySpanLink(
                new SpanKey(
                    OtlpValues.Id(l.TraceId, 16, "link trace_id") ?? throw new FormatException("a link's trace_id is missing."),
                    OtlpValues.Id(l.SpanId, 8, "link span_id") ?? throw new FormatException("a link's span_id is missing.")),
                OtlpValues.Attributes(l.Attributes)))],
            resource,
            scope);
    }

    private static IEnumerable<TelemetryMetricPoint> MetricPoints(Metric metric, TelemetryResource resource)
    {
        TelemetryMetricPoint Point(string type, ulong time, string value, IEnumerable<KeyValue> attributes) =>
            new(metric.Name, metric.Unit, type, time, value, OtlpValues.Attributes(attributes), resource);

        static string Number(NumberDataPoint p) =>
            p.ValueCase == NumberDataPoint.ValueOneofCase.AsInt
                ? p.AsInt.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : p.AsDouble.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

        static string CountSum(ulong count, double sum) =>
            FormattableString.Invariant($"count {count}, sum {sum:G6}");

        return metric.DataCase switch
        {
            Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => Point("gauge", p.TimeUnixNano, Number(p), p.Attributes)),
            Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p => Point("sum", p.TimeUnixNano, Number(p), p.Attributes)),
            Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(p => Point("histogram", p.TimeUnixNano, CountSum(p.Count, p.Sum), p.Attributes)),
            Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.DataPoints.Select(p => Point("histogram", p.TimeUnixNano, CountSum(p.Count, p.Sum), p.Attributes)),
            Metric.DataOneofCase.Summary => metric.Summary.DataPoints.Select(p => Point("summary", p.TimeUnixNano, CountSum(p.Count, p.Sum), p.Attributes)),
            _ => [],
        };
    }
}
