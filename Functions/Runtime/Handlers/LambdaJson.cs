using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Functions.Runtime.Handlers;

internal static class LambdaJson
{
    /// <summary>
    /// Web defaults (case-insensitive reading, camelCase for undecorated properties) with
    /// [JsonPropertyName] always winning, so a type states its wire names; the relaxed encoder
    /// writes quotes as <c>\"</c> and leaves <c>'</c>, <c>&lt;</c> and non-ASCII text readable, as
    /// other runtimes' JSON does.
    /// </summary>
    public static JsonSerializerOptions CreateOptions() => new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Contracts are looked up once at bind time, which needs the resolver in place before first use.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
