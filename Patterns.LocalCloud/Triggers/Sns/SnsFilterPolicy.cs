using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// SNS's filter-policy language, on the message attributes (the default scope) or on the
/// message body (FilterPolicyScope MessageBody). Every key of a policy must match (AND); a key's
/// conditions are alternatives (OR); "$or" offers alternative sub-policies. A condition is an
/// exact string, number or boolean, null (body), or one of prefix, suffix, equals-ignore-case,
/// anything-but (values, prefix, suffix, equals-ignore-case), numeric ranges, exists and cidr.
/// Attributes match by type: a String attribute by strings, a Number attribute by numbers, a
/// String.Array attribute when any element matches; Binary attributes never match. In the body,
/// a policy object descends into the nested object and an array matches when any element does.
/// moto validates policies when they are set, so a condition it let through that this matcher
/// does not know matches nothing.
/// </summary>
internal static class SnsFilterPolicy
{
    public static bool MatchesAttributes(JsonElement policy, IReadOnlyList<MessageAttribute> attributes)
    {
        foreach (var property in policy.EnumerateObject())
        {
            if (property.Name == "$or")
            {
                if (!property.Value.EnumerateArray().Any(alternative => MatchesAttributes(alternative, attributes)))
                    return false;
                continue;
            }
            var attribute = attributes.FirstOrDefault(a => a.Name == property.Name);
            var values = attribute is null ? [] : ValuesOf(attribute);
            if (!Conditions(property.Value).Any(condition => Matches(condition, attribute is not null, values)))
                return false;
        }
        return true;
    }

    /// <summary>A body that is not a JSON object matches no policy.</summary>
    public static bool MatchesBody(JsonElement policy, string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            return document.RootElement.ValueKind == JsonValueKind.Object && MatchesObject(policy, document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool MatchesObject(JsonElement policy, JsonElement node)
    {
        foreach (var property in policy.EnumerateObject())
        {
            if (property.Name == "$or")
            {
                if (!property.Value.EnumerateArray().Any(alternative => MatchesObject(alternative, node)))
                    return false;
                continue;
            }
            var present = node.TryGetProperty(property.Name, out var field);
            if (property.Value.ValueKind == JsonValueKind.Object && !IsOperator(property.Value))
            {
                // A nested policy: the field must be an object (or an array holding one) that matches it.
                if (!present)
                    return false;
                var matches = field.ValueKind switch
                {
                    JsonValueKind.Object => MatchesObject(property.Value, field),
                    JsonValueKind.Array => field.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object && MatchesObject(property.Value, e)),
                    _ => false,
                };
                if (!matches)
                    return false;
                continue;
            }
            var values = present ? LeavesOf(field) : [];
            if (!Conditions(property.Value).Any(condition => Matches(condition, present, values)))
                return false;
        }
        return true;
    }

    private static IEnumerable<JsonElement> Conditions(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];

    private static bool IsOperator(JsonElement value)
    {
        using var properties = value.EnumerateObject();
        return properties.MoveNext() && properties.Current.Name is "prefix" or "suffix" or "equals-ignore-case" or "anything-but" or "numeric" or "exists" or "cidr";
    }

    private static List<FilterValue> ValuesOf(MessageAttribute attribute)
    {
        if (attribute.IsBinary)
            return [];
        if (attribute.IsNumber)
            return double.TryParse(attribute.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? [FilterValue.OfNumber(number)] : [];
        if (attribute.IsStringArray)
        {
            try
            {
                using var document = JsonDocument.Parse(attribute.Value);
                return document.RootElement.ValueKind == JsonValueKind.Array ? LeavesOf(document.RootElement) : [];
            }
            catch (JsonException)
            {
                return [];
            }
        }
        return [FilterValue.OfString(attribute.Value)];
    }

    private static List<FilterValue> LeavesOf(JsonElement field)
    {
        var values = new List<FilterValue>();
        void Add(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: values.Add(FilterValue.OfString(element.GetString()!)); break;
                case JsonValueKind.Number: values.Add(FilterValue.OfNumber(element.GetDouble())); break;
                case JsonValueKind.True: values.Add(FilterValue.OfBoolean(true)); break;
                case JsonValueKind.False: values.Add(FilterValue.OfBoolean(false)); break;
                case JsonValueKind.Null: values.Add(FilterValue.Null); break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        Add(item);
                    break;
            }
        }
        Add(field);
        return values;
    }

    private static bool Matches(JsonElement condition, bool present, List<FilterValue> values)
    {
        switch (condition.ValueKind)
        {
            case JsonValueKind.String:
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
            case JsonValueKind.Null:
                return values.Any(v => EqualsLiteral(condition, v));
            case JsonValueKind.Object:
                break;
            default:
                return false;
        }
        using var properties = condition.EnumerateObject();
        if (!properties.MoveNext())
            return false;
        var (name, operand) = (properties.Current.Name, properties.Current.Value);
        return name switch
        {
            "exists" => operand.ValueKind is JsonValueKind.True or JsonValueKind.False && present == operand.GetBoolean(),
            "prefix" => operand.ValueKind == JsonValueKind.String && values.Any(v => v.Kind == FilterValueKind.String && v.Text!.StartsWith(operand.GetString()!, StringComparison.Ordinal)),
            "suffix" => operand.ValueKind == JsonValueKind.String && values.Any(v => v.Kind == FilterValueKind.String && v.Text!.EndsWith(operand.GetString()!, StringComparison.Ordinal)),
            "equals-ignore-case" => operand.ValueKind == JsonValueKind.String && values.Any(v => v.Kind == FilterValueKind.String && string.Equals(v.Text, operand.GetString(), StringComparison.OrdinalIgnoreCase)),
            "anything-but" => present && values.Any(v => !Excluded(operand, v)),
            "numeric" => operand.ValueKind == JsonValueKind.Array && values.Any(v => v.Kind == FilterValueKind.Number && InRange(operand, v.Number)),
            "cidr" => operand.ValueKind == JsonValueKind.String && IPNetwork.TryParse(operand.GetString(), out var network)
                && values.Any(v => v.Kind == FilterValueKind.String && IPAddress.TryParse(v.Text, out var address) && network.Contains(address)),
            _ => false,
        };
    }

    /// <summary>Whether anything-but's operand names <paramref name="value"/> (so it does not match).</summary>
    private static bool Excluded(JsonElement operand, FilterValue value)
    {
        switch (operand.ValueKind)
        {
            case JsonValueKind.Array:
                return operand.EnumerateArray().Any(excluded => EqualsLiteral(excluded, value));
            case JsonValueKind.Object:
                using (var properties = operand.EnumerateObject())
                {
                    if (!properties.MoveNext() || value.Kind != FilterValueKind.String)
                        return false;
                    var (name, text) = (properties.Current.Name, properties.Current.Value);
                    return name switch
                    {
                        "prefix" => value.Text!.StartsWith(text.GetString() ?? "", StringComparison.Ordinal),
                        "suffix" => value.Text!.EndsWith(text.GetString() ?? "", StringComparison.Ordinal),
                        "equals-ignore-case" => text.ValueKind == JsonValueKind.Array
                            ? text.EnumerateArray().Any(t => string.Equals(t.GetString(), value.Text, StringComparison.OrdinalIgnoreCase))
                            : string.Equals(text.GetString(), value.Text, StringComparison.OrdinalIgnoreCase),
                        _ => false,
                    };
                }
            default:
                return EqualsLiteral(operand, value);
        }
    }

    private static bool EqualsLiteral(JsonElement literal, FilterValue value) => literal.ValueKind switch
    {
        JsonValueKind.String => value.Kind == FilterValueKind.String && value.Text == literal.GetString(),
        JsonValueKind.Number => value.Kind == FilterValueKind.Number && value.Number == literal.GetDouble(),
        JsonValueKind.True => value.Kind == FilterValueKind.Boolean && value.Boolean,
        JsonValueKind.False => value.Kind == FilterValueKind.Boolean && !value.Boolean,
        JsonValueKind.Null => value.Kind == FilterValueKind.Null,
        _ => false,
    };

    /// <summary>["&gt;", 0, "&lt;=", 150]: every comparison must hold.</summary>
    private static bool InRange(JsonElement comparisons, double number)
    {
        var items = comparisons.EnumerateArray().ToArray();
        if (items.Length == 0 || items.Length % 2 != 0)
            return false;
        for (var i = 0; i < items.Length; i += 2)
        {
            if (items[i].ValueKind != JsonValueKind.String || items[i + 1].ValueKind != JsonValueKind.Number)
                return false;
            var bound = items[i + 1].GetDouble();
            var holds = items[i].GetString() switch
            {
                "=" => number == bound,
                ">" => number > bound,
                ">=" => number >= bound,
                "<" => number < bound,
                "<=" => number <= bound,
                _ => false,
            };
            if (!holds)
                return false;
        }
        return true;
    }
}
