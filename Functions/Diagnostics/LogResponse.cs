using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

public sealed record LogResponse([property: JsonPropertyName("written")] int Written);
