using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

public sealed record ThrowRequest([property: JsonPropertyName("message")] string? Message);
