using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

public sealed record ProcessIdResponse([property: JsonPropertyName("pid")] int Pid);
