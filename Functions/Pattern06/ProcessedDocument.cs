using System.Text.Json.Serialization;

namespace Functions.Pattern06;

/// <summary>What DocumentProcessor writes to processed/&lt;key&gt;.json, with the seed's field names.</summary>
public sealed record ProcessedDocument(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("sourceBucket")] string SourceBucket,
    [property: JsonPropertyName("sizeBytes")] long SizeBytes,
    [property: JsonPropertyName("contentPreview")] string ContentPreview,
    [property: JsonPropertyName("status")] string Status);
