using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

public sealed record CrashRequest([property: JsonPropertyName("crash")] bool Crash = true);
