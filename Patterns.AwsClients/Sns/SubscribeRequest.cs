namespace Patterns.AwsClients.Sns;

/// <summary>Subscribe's input: deliver a topic's messages to an endpoint.</summary>
/// <param name="Protocol">sqs, lambda, http, https, email, email-json, sms, application or firehose.</param>
public sealed record SubscribeRequest(string TopicArn, string Protocol)
{
    /// <summary>A queue's or function's ARN, a URL, an e-mail address or a phone number, by protocol.</summary>
    public string? Endpoint { get; init; }

    /// <summary>
    /// Subscription attributes by name: RawMessageDelivery ("true" delivers the message alone,
    /// not the SNS JSON envelope), FilterPolicy (JSON), FilterPolicyScope (MessageAttributes or
    /// MessageBody), RedrivePolicy ({"deadLetterTargetArn": …}), DeliveryPolicy, SubscriptionRoleArn.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>
    /// True answers the subscription's ARN even while it awaits confirmation (http, email);
    /// otherwise such a subscription answers "pending confirmation".
    /// </summary>
    public bool? ReturnSubscriptionArn { get; init; }
}
