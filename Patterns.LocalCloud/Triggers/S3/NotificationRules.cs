namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>
/// The checks S3 makes of a notification configuration before it looks at the destinations:
/// every event is one S3 notifies, and no two configurations can both take one event for one key.
/// </summary>
internal static class NotificationRules
{
    private static readonly HashSet<string> SupportedEvents = new(StringComparer.Ordinal)
    {
        "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload",
        "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
        "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete",
        "s3:ReducedRedundancyLostObject",
        "s3:Replication:*", "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked", "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
        "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated",
        "s3:LifecycleTransition", "s3:IntelligentTiering",
        "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete",
        "s3:ObjectAcl:Put",
    };

    public static void Validate(BucketNotifications notifications)
    {
        foreach (var rule in notifications.Rules)
        {
            foreach (var name in rule.Events)
            {
                if (!SupportedEvents.Contains(name))
                    throw S3ErrorException.InvalidArgument("The event is not supported for notifications", "Event", name);
            }
        }
        var rules = notifications.Rules;
        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                if (!ShareAnEvent(rules[i], rules[j]) || !Overlap(rules[i].Prefix, rules[j].Prefix, startsWith: true) || !Overlap(rules[i].Suffix, rules[j].Suffix, startsWith: false))
                    continue;
                var unfiltered = rules[i].Prefix is null && rules[i].Suffix is null && rules[j].Prefix is null && rules[j].Suffix is null;
                throw S3ErrorException.InvalidArgument(unfiltered
                    ? "Configurations overlap. Configurations on the same bucket cannot share a common event type."
                    : "Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.");
            }
        }
    }

    private static bool ShareAnEvent(NotificationRule a, NotificationRule b) =>
        a.Events.Any(x => b.Events.Any(y => Covers(x, y) || Covers(y, x)));

    // s3:ObjectCreated:* covers every s3:ObjectCreated:… event; any event covers itself.
    private static bool Covers(string wildcard, string name) =>
        wildcard == name || (wildcard.EndsWith(":*", StringComparison.Ordinal) && name.StartsWith(wildcard[..^1], StringComparison.Ordinal));

    // Two prefixes overlap when one begins the other (no prefix is the empty one); suffixes likewise at the end.
    private static bool Overlap(string? a, string? b, bool startsWith)
    {
        var (x, y) = (a ?? "", b ?? "");
        return startsWith
            ? x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal)
            : x.EndsWith(y, StringComparison.Ordinal) || y.EndsWith(x, StringComparison.Ordinal);
    }
}
