using System.Xml.Linq;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.Sns;

/// <summary>SNS outputs from their &lt;{Action}Result&gt; XML.</summary>
internal static class SnsXml
{
    public static Topic Topic(XElement member) => new(Required(member, "TopicArn"));

    public static Subscription Subscription(XElement member) =>
        new(Required(member, "SubscriptionArn"), Required(member, "TopicArn"), Required(member, "Protocol"), NonEmpty(AwsQuery.Value(member, "Endpoint")), NonEmpty(AwsQuery.Value(member, "Owner")));

    public static PublishBatchResultEntry Successful(XElement member) =>
        new(Required(member, "Id"), Required(member, "MessageId"), NonEmpty(AwsQuery.Value(member, "SequenceNumber")));

    public static BatchResultErrorEntry Failed(XElement member) =>
        new(Required(member, "Id"), Required(member, "Code"), NonEmpty(AwsQuery.Value(member, "Message")), AwsQuery.Value(member, "SenderFault") == "true");

    public static string Required(XElement element, string name) =>
        AwsQuery.Value(element, name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"An SNS answer lacks {element.Name.LocalName}/{name}, which SNS always sends.");

    public static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
