using System.Text.Json.Serialization;

namespace Patterns.Tests.Functions.Handlers;

/// <summary>One declared wire name, one left to the naming policy.</summary>
public sealed record Receipt([property: JsonPropertyName("receipt_id")] string ReceiptId, int Doubled);
