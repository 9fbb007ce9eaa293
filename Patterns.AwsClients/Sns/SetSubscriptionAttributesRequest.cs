namespace Patterns.AwsClients.Sns;

/// <summary>
/// SetSubscriptionAttributes' input: one attribute set to a value, e.g. RawMessageDelivery
/// "true", FilterPolicy (JSON), FilterPolicyScope, RedrivePolicy, DeliveryPolicy.
/// </summary>
/// <param name="AttributeValue">null clears the attribute (e.g. removes a filter policy).</param>
public sealed record SetSubscriptionAttributesRequest(string SubscriptionArn, string AttributeName, string? AttributeValue);
