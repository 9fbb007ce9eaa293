using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

public sealed record SleepRequest([property: JsonPropertyName("seconds")] double Seconds);
