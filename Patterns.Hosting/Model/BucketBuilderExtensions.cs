using System.Collections.Immutable;

namespace Patterns.Hosting.Model;

/// <summary>The fluent settings of a bucket.</summary>
public static class BucketBuilderExtensions
{
    /// <summary>
    /// Invokes <paramref name="function"/> (asynchronously, one invocation per object) for the
    /// objects events of <paramref name="events"/> (default: every object creation) whose keys
    /// start with <paramref name="prefix"/> and end with <paramref name="suffix"/>.
    /// </summary>
    public static ResourceBuilder<Bucket> WithNotification(
        this ResourceBuilder<Bucket> bucket, ResourceBuilder<Function> function, IEnumerable<string>? events = null, string? prefix = null, string? suffix = null)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(function);
        bucket.App.SameModel(function, $"Bucket {bucket.Name}");
        var types = (events ?? ["s3:ObjectCreated:*"]).ToImmutableArray();
        if (types.IsEmpty)
            throw new ArgumentException($"Bucket {bucket.Name}: a notification needs at least one event type, e.g. s3:ObjectCreated:*.", nameof(events));
        foreach (var type in types)
            ModelRules.S3Event(bucket.Name, type);
        return bucket.Update(b => b with
        {
            Notifications = b.Notifications.Add(new BucketNotification(function.Name, types)
            {
                Prefix = string.IsNullOrEmpty(prefix) ? null : prefix,
                Suffix = string.IsNullOrEmpty(suffix) ? null : suffix,
            }),
        });
    }
}
