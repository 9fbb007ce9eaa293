using System.Collections.Immutable;

namespace Patterns.Hosting.Model;

/// <summary>An S3 bucket; referencing it gives its name.</summary>
public sealed record Bucket(string Name) : Resource(Name)
{
    public ImmutableArray<BucketNotification> Notifications { get; init; } = [];
}
