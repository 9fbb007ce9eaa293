namespace Patterns.AwsClients.Sns;

/// <summary>
/// GetTopicAttributes' output: TopicArn, Owner, Policy, DisplayName, SubscriptionsConfirmed,
/// SubscriptionsPending, SubscriptionsDeleted, EffectiveDeliveryPolicy, FifoTopic, … by name.
/// </summary>
public sealed record GetTopicAttributesResponse(IReadOnlyDictionary<string, string> Attributes);
