namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>One Topic/Queue/CloudFunction configuration of a bucket's notification configuration.</summary>
/// <param name="Events">As given, e.g. s3:ObjectCreated:* or s3:ObjectRemoved:Delete.</param>
/// <param name="Prefix">The S3Key filter's Prefix rule; null = none.</param>
/// <param name="Suffix">The S3Key filter's Suffix rule; null = none.</param>
internal sealed record NotificationRule(NotificationTarget Target, string Id, string TargetArn, IReadOnlyList<string> Events, string? Prefix, string? Suffix)
{
    /// <summary>Whether an event (s3:ObjectCreated:Put) is one this rule asks for, directly or through a wildcard.</summary>
    public bool WantsEvent(string eventName) =>
        Events.Any(e => e == eventName || (e.EndsWith(":*", StringComparison.Ordinal) && eventName.StartsWith(e[..^1], StringComparison.Ordinal)));

    /// <summary>Filters compare with the key as S3 stores it (not URL-encoded).</summary>
    public bool WantsKey(string key) =>
        (Prefix is null || key.StartsWith(Prefix, StringComparison.Ordinal)) && (Suffix is null || key.EndsWith(Suffix, StringComparison.Ordinal));
}
