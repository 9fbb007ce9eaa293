namespace Patterns.AwsClients.Sns;

/// <summary>SetTopicAttributes' input: one attribute (e.g. Policy, DisplayName, DeliveryPolicy) set to a value.</summary>
/// <param name="AttributeValue">null clears the attribute.</param>
public sealed record SetTopicAttributesRequest(string TopicArn, string AttributeName, string? AttributeValue);
