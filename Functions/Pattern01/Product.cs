using System.Text.Json.Serialization;

namespace Functions.Pattern01;

/// <summary>An item of the Products table, as it is stored and as the API returns it.</summary>
internal sealed record Product(
    [property: JsonPropertyName("productId")] string ProductId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("price")] decimal Price);
