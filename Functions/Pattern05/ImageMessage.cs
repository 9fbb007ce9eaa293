using System.Text.Json;

namespace Functions.Pattern05;

/// <summary>The image event ImageUploadHandler publishes, as each subscriber reads it from an SNS record.</summary>
public static class ImageMessage
{
    /// <summary>The filename of every SNS record's message ("unknown" when a message has none, as in the seed).</summary>
    public static IEnumerable<string> Filenames(JsonElement @event)
    {
        if (@event.ValueKind != JsonValueKind.Object || !@event.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
            throw new ArgumentException("The event has no Records array: this function expects an SNS event (a subscription of ImageProcessingTopic).");
        foreach (var record in records.EnumerateArray())
        {
            var message = record.GetProperty("Sns").GetProperty("Message").GetString() ?? "{}";
            using var document = JsonDocument.Parse(message);
            yield return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("filename", out var filename) && filename.ValueKind == JsonValueKind.String
                ? filename.GetString()!
                : "unknown";
        }
    }
}
