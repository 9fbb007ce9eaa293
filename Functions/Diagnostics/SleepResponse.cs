using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

public sealed record SleepResponse([property: JsonPropertyName("slept")] double Slept);
