namespace Patterns.AwsClients.Lambda;

/// <summary>
/// Where a function's code comes from: a zip (base64 on the wire), an S3 object or an image.
/// A local cloud also accepts S3Bucket "hot-reload" with S3Key = an absolute directory.
/// </summary>
public sealed record FunctionCode
{
    public byte[]? ZipFile { get; init; }

    public string? S3Bucket { get; init; }

    public string? S3Key { get; init; }

    public string? S3ObjectVersion { get; init; }

    public string? ImageUri { get; init; }

    /// <summary>The local-cloud convention for code that is a directory on this machine.</summary>
    public static FunctionCode FromLocalDirectory(string absoluteDirectory) => new() { S3Bucket = "hot-reload", S3Key = absoluteDirectory };
}
