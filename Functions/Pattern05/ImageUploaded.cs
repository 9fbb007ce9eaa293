using System.Text.Json.Serialization;

namespace Functions.Pattern05;

/// <summary>The message ImageUploadHandler publishes, with the seed's fields and values.</summary>
public sealed record ImageUploaded(
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("bucket")] string Bucket,
    [property: JsonPropertyName("size")] string Size,
    [property: JsonPropertyName("uploadedAt")] string UploadedAt);
