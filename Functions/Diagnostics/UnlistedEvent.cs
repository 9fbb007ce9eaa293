using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

/// <summary>An event type left out of FunctionsJsonContext on purpose (see <see cref="Faults.Unlisted"/>).</summary>
public sealed record UnlistedEvent([property: JsonPropertyName("name")] string? Name);
