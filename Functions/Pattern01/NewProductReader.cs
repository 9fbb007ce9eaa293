using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Functions.Pattern01;

/// <summary>Validates the fields of a create request, naming the first thing wrong in words a caller can act on.</summary>
internal static class NewProductReader
{
    /// <summary>Keeps an item far below DynamoDB's 400 KB limit, so a long name is a 400, not a failed write.</summary>
    public const int MaxNameLength = 256;

    public static bool TryRead(JsonElement source, [NotNullWhen(true)] out NewProduct? product, [NotNullWhen(false)] out string? problem)
    {
        product = null;
        problem = NameProblem(source, out var name);
        if (problem is not null)
        {
            return false;
        }

        problem = PriceProblem(source, out var price);
        if (problem is not null)
        {
            return false;
        }

        product = new NewProduct(name!, price);
        return true;
    }

    private static string? NameProblem(JsonElement source, out string? name)
    {
        name = null;
        if (!source.TryGetProperty("name", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "name is required: give the product's name as a string.";
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return $"name must be a string; got {KindOf(value)}.";
        }

        name = value.GetString()!;
        if (string.IsNullOrWhiteSpace(name))
        {
            return "name must not be blank.";
        }

        return name.Length > MaxNameLength
            ? $"name must be at most {MaxNameLength} characters; got {name.Length}."
            : null;
    }

    private static string? PriceProblem(JsonElement source, out decimal price)
    {
        price = 0;
        if (!source.TryGetProperty("price", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "price is required: give the product's price as a number, e.g. 49.99.";
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            return $"price must be a number, e.g. 49.99; got {KindOf(value)}.";
        }

        if (!value.TryGetDecimal(out price))
        {
            return $"price {value.GetRawText()} is out of range.";
        }

        return price < 0 ? $"price must not be negative; got {value.GetRawText()}." : null;
    }

    public static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        _ => "null",
    };
}
