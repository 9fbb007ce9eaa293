using System.Collections.Immutable;
using System.Globalization;
using Google.Protobuf;
using Patterns.Hosting.Dashboard.Otlp.Proto;
using Patterns.Hosting.Dashboard.Telemetry;

namespace Patterns.Hosting.Dashboard.Otlp;

/// <summary>OTLP's attribute values and ids as the text the dashboard shows and indexes by.</summary>
internal static class OtlpValues
{
    public static ImmutableArray<TelemetryAttribute> Attributes(IEnumerable<KeyValue> attributes) =>
        [.. attributes.Select(a => new TelemetryAttribute(a.Key, Format(a.Value)))];

    public static string Format(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Format)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {Format(kv.Value)}")) + "}",
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToBase64(),
        _ => "",
    };

    /// <summary>Lowercase hex of an id of <paramref name="length"/> bytes; null when empty; an id of another length is refused.</summary>
    public static string? Id(ByteString id, int length, string what)
    {
        if (id.IsEmpty)
            return null;
        if (id.Length != length || id.Span.IndexOfAnyExcept((byte)0) < 0)
            throw new FormatException($"{what} must be {length} bytes and not all zero; it was {id.Length} bytes ({Convert.ToHexStringLower(id.Span)}).");
        return Convert.ToHexStringLower(id.Span);
    }

    public static TelemetryResource Resource(Proto.Resource? resource)
    {
        var attributes = resource is null ? [] : Attributes(resource.Attributes);
        var serviceName = attributes.FirstOrDefault(a => a.Key == "service.name")?.Value;
        return new TelemetryResource(string.IsNullOrEmpty(serviceName) ? TelemetryResource.UnknownService : serviceName, attributes);
    }
}
