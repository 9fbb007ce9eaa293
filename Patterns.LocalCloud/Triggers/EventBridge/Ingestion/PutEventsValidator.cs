using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Ingestion;

/// <summary>
/// PutEvents' checks of one entry, in EventBridge's order and words: Source, DetailType and
/// Detail are required, and Detail must be a JSON object. Also the entry's size as EventBridge
/// counts it against the request's 256 KB.
/// </summary>
internal static class PutEventsValidator
{
    /// <summary>
    /// Time counts 14 bytes when given; Source, DetailType, Detail and each of Resources count
    /// their UTF-8 length ("Calculating PutEvents event entry size").
    /// </summary>
    public static int SizeOf(JsonElement entry)
    {
        var size = 0;
        if (entry.ValueKind != JsonValueKind.Object)
            return size;
        if (entry.TryGetProperty("Time", out var time) && time.ValueKind != JsonValueKind.Null)
            size += 14;
        size += Utf8Length(entry, "Source") + Utf8Length(entry, "DetailType") + Utf8Length(entry, "Detail");
        if (entry.TryGetProperty("Resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in resources.EnumerateArray())
                if (resource.ValueKind == JsonValueKind.String)
                    size += Encoding.UTF8.GetByteCount(resource.GetString()!);
        }
        return size;
    }

    public static (PutEventsEntry? Entry, EntryError? Error) Validate(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
            return (null, EventBridgeErrors.EntryNotAnObject());
        var source = NonEmptyString(entry, "Source");
        if (source is null)
            return (null, EventBridgeErrors.RequiredEntryField("Source"));
        var detailType = NonEmptyString(entry, "DetailType");
        if (detailType is null)
            return (null, EventBridgeErrors.RequiredEntryField("DetailType"));
        var detailText = NonEmptyString(entry, "Detail");
        if (detailText is null)
            return (null, EventBridgeErrors.RequiredEntryField("Detail"));

        JsonElement detail;
        try
        {
            using var parsed = JsonDocument.Parse(detailText);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
                return (null, EventBridgeErrors.MalformedDetail());
            detail = parsed.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, EventBridgeErrors.MalformedDetail());
        }

        var resources = new List<string>();
        if (entry.TryGetProperty("Resources", out var resourceList) && resourceList.ValueKind != JsonValueKind.Null)
        {
            if (resourceList.ValueKind != JsonValueKind.Array || resourceList.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
                return (null, EventBridgeErrors.InvalidEntryField("Resources", "Resources must be a list of strings."));
            resources.AddRange(resourceList.EnumerateArray().Select(r => r.GetString()!));
        }

        DateTimeOffset? time = null;
        if (entry.TryGetProperty("Time", out var timeValue) && timeValue.ValueKind != JsonValueKind.Null)
        {
            time = ParseTime(timeValue);
            if (time is null)
                return (null, EventBridgeErrors.InvalidEntryField("Time", $"{timeValue.GetRawText()} is neither epoch seconds nor an ISO 8601 (RFC 3339) timestamp."));
        }

        return (new PutEventsEntry(source, detailType, detail, resources, time, NonEmptyString(entry, "EventBusName"), NonEmptyString(entry, "TraceHeader")), null);
    }

    /// <summary>AWS SDKs send a JSON-protocol timestamp as epoch seconds; a hand-written request may send RFC 3339 text.</summary>
    private static DateTimeOffset? ParseTime(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds))
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return parsed;
        return null;
    }

    private static string? NonEmptyString(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static int Utf8Length(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetByteCount(value.GetString()!) : 0;
}
