using System.Diagnostics;
using System.Globalization;
using OpenTelemetry.Resources;

namespace Patterns.ServiceDefaults.Otlp;

/// <summary>
/// Ended spans as an OTLP ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1),
/// written by hand: one resource, the spans grouped by their ActivitySource as instrumentation
/// scope, each span with everything an Activity carries. The resource and each scope are encoded
/// once and reused. Not thread-safe: the exporter serializes one export at a time.
/// </summary>
internal sealed class OtlpTraceSerializer
{
    // Field numbers from opentelemetry-proto's trace.proto, common.proto, resource.proto and trace_service.proto.
    private const int RequestResourceSpans = 1;
    private const int ResourceSpansResource = 1;
    private const int ResourceSpansScopeSpans = 2;
    private const int ResourceAttributes = 1;
    private const int ScopeSpansScope = 1;
    private const int ScopeSpansSpans = 2;
    private const int ScopeSpansSchemaUrl = 3;
    private const int ScopeName = 1;
    private const int ScopeVersion = 2;
    private const int ScopeAttributes = 3;
    private const int SpanTraceId = 1;
    private const int SpanSpanId = 2;
    private const int SpanTraceState = 3;
    private const int SpanParentSpanId = 4;
    private const int SpanName = 5;
    private const int SpanKind = 6;
    private const int SpanStartTime = 7;
    private const int SpanEndTime = 8;
    private const int SpanAttributes = 9;
    private const int SpanEvents = 11;
    private const int SpanLinks = 13;
    private const int SpanStatus = 15;
    private const int SpanFlags = 16;
    private const int EventTime = 1;
    private const int EventName = 2;
    private const int EventAttributes = 3;
    private const int LinkTraceId = 1;
    private const int LinkSpanId = 2;
    private const int LinkTraceState = 3;
    private const int LinkAttributes = 4;
    private const int LinkFlags = 6;
    private const int StatusMessage = 2;
    private const int StatusCode = 3;
    private const int KeyValueKey = 1;
    private const int KeyValueValue = 2;
    private const int AnyString = 1;
    private const int AnyBool = 2;
    private const int AnyInt = 3;
    private const int AnyDouble = 4;
    private const int AnyArray = 5;
    private const int AnyBytes = 7;
    private const int ArrayValues = 1;

    // Span.flags: bits 0-7 are the W3C trace flags; bit 8 says whether bit 9 (the parent, or the linked span, is remote) is known.
    private const uint FlagsHasIsRemote = 0x100;
    private const uint FlagsIsRemote = 0x200;

    // Status set through OpenTelemetry's older Activity extension lives in these tags; they are the status, not attributes.
    private const string LegacyStatusCodeTag = "otel.status_code";
    private const string LegacyStatusDescriptionTag = "otel.status_description";

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly Dictionary<ActivitySource, byte[]> scopes = [];
    private readonly List<ActivitySource> sourcesOfExport = [];
    private readonly ProtobufWriter scratch = new(0);
    private byte[]? resource;

    /// <summary>Writes the request for spans[start..start+count) after whatever <paramref name="writer"/> holds.</summary>
    public void Write(ProtobufWriter writer, Resource processResource, IReadOnlyList<Activity> spans, int start, int count)
    {
        resource ??= Encode(w => WriteAttributes(w, ResourceAttributes, processResource.Attributes));

        sourcesOfExport.Clear();
        for (var i = start; i < start + count; i++)
        {
            if (!sourcesOfExport.Contains(spans[i].Source))
            {
                sourcesOfExport.Add(spans[i].Source);
            }
        }

        var resourceSpans = writer.BeginMessage(RequestResourceSpans);
        writer.Bytes(ResourceSpansResource, resource);
        foreach (var source in sourcesOfExport)
        {
            var scopeSpans = writer.BeginMessage(ResourceSpansScopeSpans);
            writer.Bytes(ScopeSpansScope, ScopeOf(source));
            for (var i = start; i < start + count; i++)
            {
                if (ReferenceEquals(spans[i].Source, source))
                {
                    WriteSpan(writer, spans[i]);
                }
            }

            writer.String(ScopeSpansSchemaUrl, source.TelemetrySchemaUrl);
            writer.EndMessage(scopeSpans);
        }

        writer.EndMessage(resourceSpans);
    }

    private static void WriteSpan(ProtobufWriter writer, Activity activity)
    {
        Span<byte> id = stackalloc byte[16];
        var span = writer.BeginMessage(ScopeSpansSpans);

        activity.TraceId.CopyTo(id);
        writer.Bytes(SpanTraceId, id);
        activity.SpanId.CopyTo(id[..8]);
        writer.Bytes(SpanSpanId, id[..8]);
        writer.String(SpanTraceState, activity.TraceStateString);
        if (activity.ParentSpanId != default)
        {
            activity.ParentSpanId.CopyTo(id[..8]);
            writer.Bytes(SpanParentSpanId, id[..8]);
        }

        writer.String(SpanName, activity.DisplayName);
        // ActivityKind counts from Internal = 0; OTLP's SpanKind keeps 0 for unspecified.
        writer.Int64(SpanKind, (int)activity.Kind + 1);
        writer.Fixed64(SpanStartTime, UnixNanos(activity.StartTimeUtc.Ticks));
        writer.Fixed64(SpanEndTime, UnixNanos(activity.StartTimeUtc.Ticks + activity.Duration.Ticks));

        string? legacyCode = null;
        string? legacyDescription = null;
        foreach (var tag in activity.EnumerateTagObjects())
        {
            if (tag.Key == LegacyStatusCodeTag)
            {
                legacyCode = tag.Value as string;
            }
            else if (tag.Key == LegacyStatusDescriptionTag)
            {
                legacyDescription = tag.Value as string;
            }
            else
            {
                WriteKeyValue(writer, SpanAttributes, tag.Key, tag.Value);
            }
        }

        foreach (ref readonly var activityEvent in activity.EnumerateEvents())
        {
            var message = writer.BeginMessage(SpanEvents);
            writer.Fixed64(EventTime, UnixNanos(activityEvent.Timestamp.UtcTicks));
            writer.String(EventName, activityEvent.Name);
            foreach (var tag in activityEvent.EnumerateTagObjects())
            {
                WriteKeyValue(writer, EventAttributes, tag.Key, tag.Value);
            }

            writer.EndMessage(message);
        }

        foreach (ref readonly var link in activity.EnumerateLinks())
        {
            var message = writer.BeginMessage(SpanLinks);
            link.Context.TraceId.CopyTo(id);
            writer.Bytes(LinkTraceId, id);
            link.Context.SpanId.CopyTo(id[..8]);
            writer.Bytes(LinkSpanId, id[..8]);
            writer.String(LinkTraceState, link.Context.TraceState);
            foreach (var tag in link.EnumerateTagObjects())
            {
                WriteKeyValue(writer, LinkAttributes, tag.Key, tag.Value);
            }

            writer.Fixed32(LinkFlags, Flags(link.Context.TraceFlags, link.Context.IsRemote));
            writer.EndMessage(message);
        }

        WriteStatus(writer, activity, legacyCode, legacyDescription);
        writer.Fixed32(SpanFlags, Flags(activity.ActivityTraceFlags, activity.HasRemoteParent));
        writer.EndMessage(span);
    }

    private static void WriteStatus(ProtobufWriter writer, Activity activity, string? legacyCode, string? legacyDescription)
    {
        var code = activity.Status;
        var description = activity.StatusDescription;
        if (code == ActivityStatusCode.Unset && legacyCode is not null)
        {
            code = legacyCode.Equals("ERROR", StringComparison.OrdinalIgnoreCase) ? ActivityStatusCode.Error
                : legacyCode.Equals("OK", StringComparison.OrdinalIgnoreCase) ? ActivityStatusCode.Ok
                : ActivityStatusCode.Unset;
            description = legacyDescription;
        }

        if (code == ActivityStatusCode.Unset)
        {
            return;
        }

        var status = writer.BeginMessage(SpanStatus);
        // The description belongs to an error only (the trace API's SetStatus ignores it otherwise).
        if (code == ActivityStatusCode.Error)
        {
            writer.String(StatusMessage, description);
        }

        writer.Int64(StatusCode, (int)code);
        writer.EndMessage(status);
    }

    private static void WriteAttributes(ProtobufWriter writer, int field, IEnumerable<KeyValuePair<string, object>> attributes)
    {
        foreach (var (key, value) in attributes)
        {
            WriteKeyValue(writer, field, key, value);
        }
    }

    private static void WriteKeyValue(ProtobufWriter writer, int field, string key, object? value)
    {
        // A tag set to null is a tag removed, as OpenTelemetry's SDK treats it.
        if (value is null)
        {
            return;
        }

        var keyValue = writer.BeginMessage(field);
        writer.String(KeyValueKey, key);
        WriteAnyValue(writer, KeyValueValue, value);
        writer.EndMessage(keyValue);
    }

    private static void WriteAnyValue(ProtobufWriter writer, int field, object? value)
    {
        var anyValue = writer.BeginMessage(field);
        switch (value)
        {
            case null:
                // An empty AnyValue is OTLP's null, as an array element may be.
                break;
            case string text:
                writer.StringAlways(AnyString, text);
                break;
            case bool flag:
                writer.Bool(AnyBool, flag);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                writer.Int64(AnyInt, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number when number <= long.MaxValue:
                writer.Int64(AnyInt, (long)number);
                break;
            case double number:
                writer.Double(AnyDouble, number);
                break;
            case float number:
                writer.Double(AnyDouble, number);
                break;
            case byte[] bytes:
                writer.Bytes(AnyBytes, bytes);
                break;
            case Array array:
                var arrayValue = writer.BeginMessage(AnyArray);
                foreach (var element in array)
                {
                    WriteAnyValue(writer, ArrayValues, element);
                }

                writer.EndMessage(arrayValue);
                break;
            default:
                // Anything else (a char, a decimal, a ulong past int64, an object) as its text, as OpenTelemetry's exporter does.
                writer.StringAlways(AnyString, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }

        writer.EndMessage(anyValue);
    }

    private byte[] ScopeOf(ActivitySource source)
    {
        if (!scopes.TryGetValue(source, out var scope))
        {
            scope = Encode(w =>
            {
                w.String(ScopeName, source.Name);
                w.String(ScopeVersion, source.Version);
                if (source.Tags is { } tags)
                {
                    foreach (var (key, value) in tags)
                    {
                        WriteKeyValue(w, ScopeAttributes, key, value);
                    }
                }
            });
            scopes[source] = scope;
        }

        return scope;
    }

    private byte[] Encode(Action<ProtobufWriter> write)
    {
        scratch.Reset();
        write(scratch);
        return scratch.Buffer.AsSpan(scratch.Prefix, scratch.Length).ToArray();
    }

    private static uint Flags(ActivityTraceFlags traceFlags, bool remote) =>
        ((uint)traceFlags & 0xFF) | FlagsHasIsRemote | (remote ? FlagsIsRemote : 0);

    private static ulong UnixNanos(long utcTicks) => (ulong)(utcTicks - UnixEpochTicks) * 100;
}
