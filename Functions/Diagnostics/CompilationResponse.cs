using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

public sealed record CompilationResponse([property: JsonPropertyName("native")] bool Native);
