using System.Text.Json;

namespace Functions.Pattern03;

/// <summary>
/// The detail of an OrderPlaced event as a subscriber reads it. Missing fields read as the
/// seed's defaults ("unknown", 0) so that a hand-made event still logs; the amount keeps the
/// JSON number's own text (249.99 stays 249.99).
/// </summary>
public sealed record OrderPlaced(string OrderId, string Amount, string CustomerId)
{
    public static OrderPlaced FromEvent(JsonElement @event)
    {
        var detail = @event.ValueKind == JsonValueKind.Object && @event.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return new OrderPlaced(
            Text(detail, "orderId") ?? "unknown",
            Text(detail, "amount") ?? "0",
            Text(detail, "customerId") ?? "unknown");
    }

    private static string? Text(JsonElement detail, string name)
    {
        if (detail.ValueKind != JsonValueKind.Object || !detail.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
    }
}
