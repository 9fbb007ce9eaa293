using System.Diagnostics.CodeAnalysis;
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
    /// other runtimes' JSON does. Contracts come from <see cref="FunctionsJsonContext"/>.
    /// </summary>
    public static JsonSerializerOptions CreateOptions() => new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Contracts are looked up once at bind time, which needs the resolver in place before first use.
        TypeInfoResolver = Resolver(),
    };

    /// <summary>Options of the given shape whose contracts come from <see cref="FunctionsJsonContext"/>.</summary>
    public static JsonSerializerOptions With(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = Resolver();
        return options;
    }

    /// <summary>The contract of <typeparamref name="T"/> under <paramref name="options"/>, for the serializer's reflection-free overloads.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(this JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    // The native executable has only the generated contracts. Where reflection is allowed (a JIT
    // host such as the test process, binding handlers of its own) it backs them up.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached where reflection-based serialization is enabled, which the native build turns off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached where reflection-based serialization is enabled, which the native build turns off.")]
    private static IJsonTypeInfoResolver Resolver() => JsonSerializer.IsReflectionEnabledByDefault
        ? JsonTypeInfoResolver.Combine(FunctionsJsonContext.Default, new DefaultJsonTypeInfoResolver())
        : FunctionsJsonContext.Default;
}
