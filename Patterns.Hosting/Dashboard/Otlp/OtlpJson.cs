using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Patterns.Hosting.Dashboard.Otlp;

/// <summary>
/// OTLP/JSON: protobuf's JSON mapping with two changes the spec makes: trace and span ids are
/// hex, not base64, and unknown fields are ignored. Enums may be numbers (as OTLP requires) or
/// names; 64-bit integers strings or numbers.
/// </summary>
internal static class OtlpJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private static readonly HashSet<string> IdFields = new(StringComparer.Ordinal)
    {
        "traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id",
    };

    /// <exception cref="OtlpRequestException">400: the body is not OTLP/JSON.</exception>
    public static T Parse<T>(byte[] body) where T : IMessage, new()
    {
        try
        {
            var root = JsonNode.Parse(body) ?? throw new OtlpRequestException(400, "The OTLP/JSON body is 'null'; send an export request object.");
            HexIdsToBase64(root);
            return Parser.Parse<T>(root.ToJsonString());
        }
        catch (Exception exception) when (exception is JsonException or InvalidProtocolBufferException or InvalidJsonException or FormatException or InvalidOperationException)
        {
            throw new OtlpRequestException(400, $"The body is not a valid OTLP/JSON {typeof(T).Name}: {exception.Message}", exception);
        }
    }

    private static void HexIdsToBase64(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is null)
                        continue;
                    if (IdFields.Contains(name) && value.GetValueKind() == JsonValueKind.String)
                        obj[name] = HexToBase64(name, value.GetValue<string>());
                    else
                        HexIdsToBase64(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                        HexIdsToBase64(item);
                }
                break;
        }
    }

    private static string HexToBase64(string field, string hex)
    {
        try
        {
            return Convert.ToBase64String(Convert.FromHexString(hex));
        }
        catch (FormatException exception)
        {
            throw new FormatException($"{field} '{hex}' is not hex; OTLP/JSON carries trace and span ids as hex strings.", exception);
        }
    }
}
