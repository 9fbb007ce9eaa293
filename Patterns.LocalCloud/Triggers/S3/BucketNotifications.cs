namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>A bucket's notification configuration as PutBucketNotificationConfiguration set it.</summary>
/// <param name="EventBridge">Whether EventBridgeConfiguration was given (stored and answered; not delivered locally).</param>
internal sealed record BucketNotifications(IReadOnlyList<NotificationRule> Rules, bool EventBridge)
{
    public static BucketNotifications Empty { get; } = new([], false);
}
