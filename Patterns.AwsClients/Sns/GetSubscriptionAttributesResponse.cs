namespace Patterns.AwsClients.Sns;

/// <summary>
/// GetSubscriptionAttributes' output: SubscriptionArn, TopicArn, Protocol, Endpoint, Owner,
/// ConfirmationWasAuthenticated, PendingConfirmation, RawMessageDelivery, FilterPolicy,
/// FilterPolicyScope, RedrivePolicy, … by name.
/// </summary>
public sealed record GetSubscriptionAttributesResponse(IReadOnlyDictionary<string, string> Attributes);
