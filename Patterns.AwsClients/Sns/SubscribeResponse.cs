namespace Patterns.AwsClients.Sns;

/// <summary>Subscribe's output: the subscription's ARN, or "pending confirmation".</summary>
public sealed record SubscribeResponse(string SubscriptionArn);
