namespace Patterns.AwsClients.Sns;

/// <summary>A subscription as ListSubscriptionsByTopic lists it.</summary>
/// <param name="SubscriptionArn">"PendingConfirmation" while an http or email subscription is unconfirmed.</param>
public sealed record Subscription(string SubscriptionArn, string TopicArn, string Protocol, string? Endpoint, string? Owner);
