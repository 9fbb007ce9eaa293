using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

public sealed record SqsBatchItemFailure([property: JsonPropertyName("itemIdentifier")] string? ItemIdentifier);
