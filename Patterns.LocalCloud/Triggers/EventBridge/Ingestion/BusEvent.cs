using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Ingestion;

/// <summary>
/// An event as an event bus holds it and delivers it to targets:
/// <c>{"version":"0","id","detail-type","source","account","time","region","resources","detail"}</c>.
/// </summary>
/// <param name="Bus">The bus the event was put on.</param>
/// <param name="IngestionTime">When the local cloud accepted the event (<c>aws.events.event.ingestion-time</c>).</param>
/// <param name="TraceHeader">The producer's trace context in X-Ray form: the entry's TraceHeader, else the request's; null when neither.</param>
/// <param name="ForwardedFromBus">True when another bus's rule delivered the event here; such an event goes no further to a third bus.</param>
internal sealed record BusEvent(
    string Id,
    string DetailType,
    string Source,
    string Account,
    DateTimeOffset Time,
    string Region,
    IReadOnlyList<string> Resources,
    JsonElement Detail,
    EventBusReference Bus,
    DateTimeOffset IngestionTime,
    string? TraceHeader,
    bool ForwardedFromBus)
{
    // Event JSON keeps non-ASCII text as it is rather than as \u escapes, as EventBridge delivers it.
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string TimeText => Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The whole event, as targets receive it by default.</summary>
    public byte[] ToJson() => Write(withDetail: true);

    /// <summary>The event without its detail (<c>aws.events.event</c> in an input template).</summary>
    public byte[] ToJsonWithoutDetail() => Write(withDetail: false);

    private byte[] Write(bool withDetail)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "0");
            writer.WriteString("id", Id);
            writer.WriteString("detail-type", DetailType);
            writer.WriteString("source", Source);
            writer.WriteString("account", Account);
            writer.WriteString("time", TimeText);
            writer.WriteString("region", Region);
            writer.WriteStartArray("resources");
            foreach (var resource in Resources)
                writer.WriteStringValue(resource);
            writer.WriteEndArray();
            if (withDetail)
            {
                writer.WritePropertyName("detail");
                Detail.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
