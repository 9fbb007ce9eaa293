using System.Collections.Immutable;

namespace Patterns.Hosting.Model;

/// <summary>An S3 event notification: objects events of the given types under the filter invoke a function.</summary>
/// <param name="Events">S3 event types, e.g. s3:ObjectCreated:*.</param>
public sealed record BucketNotification(string FunctionName, ImmutableArray<string> Events)
{
    public string? Prefix { get; init; }

    public string? Suffix { get; init; }
}
