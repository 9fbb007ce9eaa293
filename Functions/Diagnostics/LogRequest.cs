using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

public sealed record LogRequest([property: JsonPropertyName("lines")] IReadOnlyList<string>? Lines);
