using System.Text.Json.Serialization;

namespace Patterns.AwsClients.Lambda;

/// <summary>UpdateFunctionCode's input: one code source (zip, S3 object or image).</summary>
public sealed record UpdateFunctionCodeRequest([property: JsonIgnore] string FunctionName)
{
    public byte[]? ZipFile { get; init; }

    public string? S3Bucket { get; init; }

    public string? S3Key { get; init; }

    public string? S3ObjectVersion { get; init; }

    public string? ImageUri { get; init; }

    public bool? Publish { get; init; }

    public bool? DryRun { get; init; }

    public string? RevisionId { get; init; }

    public IReadOnlyList<string>? Architectures { get; init; }
}
