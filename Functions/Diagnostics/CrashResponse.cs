using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

public sealed record CrashResponse([property: JsonPropertyName("crashed")] bool Crashed);
