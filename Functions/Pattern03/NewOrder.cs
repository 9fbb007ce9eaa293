using System.Text.Json.Serialization;

namespace Functions.Pattern03;

/// <summary>The order OrderService places: the OrderPlaced event's detail and its answer's body.</summary>
public sealed record NewOrder(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("customerId")] string CustomerId);
