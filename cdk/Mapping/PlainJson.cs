using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// JSON of the model (event patterns, filter policies) as a CloudFormation property value that
/// renders it exactly: objects as dictionaries, arrays as arrays, strings, numbers and booleans
/// as themselves, which the CDK's .NET binding passes to the template unchanged. Nulls are the
/// exception: the binding hands a null on as "undefined", which CDK drops (a pattern's [null]
/// would become []), so JSON with a null is passed as its text, which CloudFormation also takes
/// for these properties.
/// </summary>
internal static class PlainJson
{
    public static object Exact(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new ArgumentException("JSON null is not a property value.", nameof(json));
        return HasNull(node) ? json : ToPlain(node)!;
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject jsonObject => jsonObject.ToDictionary(p => p.Key, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(ToPlain).ToArray(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => throw new ArgumentException($"Unexpected JSON node {node.GetType().Name}.", nameof(node)),
    };

    private static bool HasNull(JsonNode? node) => node switch
    {
        null => true,
        JsonObject jsonObject => jsonObject.Any(p => HasNull(p.Value)),
        JsonArray array => array.Any(HasNull),
        _ => false,
    };
}
