using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// The shapes SNS delivers: the Lambda event (Records[].Sns, with SigningCertUrl/UnsubscribeUrl
/// spelled so), and the JSON document SQS, HTTP/S and dead-letter queues receive (SigningCertURL/
/// UnsubscribeURL, Subject and MessageAttributes only when present, written in SNS's
/// "Key" : value layout).
/// </summary>
internal sealed class SnsEnvelopes(MessageSigner signer, string edgeBaseUrl)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string UnsubscribeUrl(string subscriptionArn) => $"{edgeBaseUrl}/?Action=Unsubscribe&SubscriptionArn={subscriptionArn}";

    public string SubscribeUrl(string topicArn, string token) => $"{edgeBaseUrl}/?Action=ConfirmSubscription&TopicArn={topicArn}&Token={token}";

    public byte[] LambdaEvent(SnsMessage message, SnsSubscription subscription)
    {
        var text = message.MessageFor("lambda");
        var attributes = new JsonObject();
        foreach (var attribute in message.Attributes)
            attributes[attribute.Name] = new JsonObject { ["Type"] = attribute.DataType, ["Value"] = attribute.Value };
        var sns = new JsonObject
        {
            ["Type"] = "Notification",
            ["MessageId"] = message.MessageId,
            ["TopicArn"] = message.TopicArn,
            ["Subject"] = message.Subject,
            ["Message"] = text,
            ["Timestamp"] = message.TimestampText,
            // Lambda's records always say 1, whatever the topic's SignatureVersion.
            ["SignatureVersion"] = "1",
            ["Signature"] = signer.Sign(NotificationFields(message, text), "1"),
            ["SigningCertUrl"] = signer.CertificateUrl,
            ["UnsubscribeUrl"] = UnsubscribeUrl(subscription.Arn),
            ["MessageAttributes"] = attributes,
        };
        var record = new JsonObject
        {
            ["EventSource"] = "aws:sns",
            ["EventVersion"] = "1.0",
            ["EventSubscriptionArn"] = subscription.Arn,
            ["Sns"] = sns,
        };
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["Records"] = new JsonArray(record) }, Json);
    }

    /// <summary>What an SQS or HTTP/S subscription receives: the message itself when raw, else the JSON document.</summary>
    public string Body(SnsMessage message, SnsSubscription subscription, string signatureVersion)
    {
        var text = message.MessageFor(subscription.Protocol);
        if (subscription.RawMessageDelivery)
            return text;
        var fields = new List<(string, string)>
        {
            ("Type", Quote("Notification")),
            ("MessageId", Quote(message.MessageId)),
        };
        if (message.SequenceNumber is { } sequenceNumber)
            fields.Add(("SequenceNumber", Quote(sequenceNumber)));
        fields.Add(("TopicArn", Quote(message.TopicArn)));
        if (message.Subject is { } subject)
            fields.Add(("Subject", Quote(subject)));
        fields.Add(("Message", Quote(text)));
        fields.Add(("Timestamp", Quote(message.TimestampText)));
        // FIFO topics' messages carry a sequence number instead of a signature.
        if (message.SequenceNumber is null)
        {
            fields.Add(("SignatureVersion", Quote(signatureVersion)));
            fields.Add(("Signature", Quote(signer.Sign(NotificationFields(message, text), signatureVersion))));
            fields.Add(("SigningCertURL", Quote(signer.CertificateUrl)));
        }
        fields.Add(("UnsubscribeURL", Quote(UnsubscribeUrl(subscription.Arn))));
        if (message.Attributes.Count > 0)
        {
            var attributes = string.Join(",\n", message.Attributes.Select(a =>
                $"    {Quote(a.Name)} : {{\"Type\":{Quote(a.DataType)},\"Value\":{Quote(a.Value)}}}"));
            fields.Add(("MessageAttributes", "{\n" + attributes + "\n  }"));
        }
        return Layout(fields);
    }

    public string SubscriptionConfirmation(string messageId, string topicArn, string token, DateTimeOffset timestamp, string signatureVersion)
    {
        var message = $"You have chosen to subscribe to the topic {topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.";
        var subscribeUrl = SubscribeUrl(topicArn, token);
        var time = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var signature = signer.Sign(
            [("Message", message), ("MessageId", messageId), ("SubscribeURL", subscribeUrl), ("Timestamp", time), ("Token", token), ("TopicArn", topicArn), ("Type", "SubscriptionConfirmation")],
            signatureVersion);
        return Layout(
        [
            ("Type", Quote("SubscriptionConfirmation")),
            ("MessageId", Quote(messageId)),
            ("Token", Quote(token)),
            ("TopicArn", Quote(topicArn)),
            ("Message", Quote(message)),
            ("SubscribeURL", Quote(subscribeUrl)),
            ("Timestamp", Quote(time)),
            ("SignatureVersion", Quote(signatureVersion)),
            ("Signature", Quote(signature)),
            ("SigningCertURL", Quote(signer.CertificateUrl)),
        ]);
    }

    private static IEnumerable<(string, string?)> NotificationFields(SnsMessage message, string text) =>
        [("Message", text), ("MessageId", message.MessageId), ("Subject", message.Subject), ("Timestamp", message.TimestampText), ("TopicArn", message.TopicArn), ("Type", "Notification")];

    private static string Quote(string value) => JsonSerializer.Serialize(value, Json);

    private static string Layout(IEnumerable<(string Name, string Json)> fields)
    {
        var text = new StringBuilder("{\n");
        text.AppendJoin(",\n", fields.Select(f => $"  {Quote(f.Name)} : {f.Json}"));
        return text.Append("\n}").ToString();
    }
}
