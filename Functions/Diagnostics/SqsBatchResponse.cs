using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

/// <summary>A partial batch response: the messages Lambda should leave in the queue.</summary>
public sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<SqsBatchItemFailure> BatchItemFailures);
