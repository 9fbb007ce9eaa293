using System.Text.Json.Nodes;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>One message of a ReceiveMessage answer (JSON protocol), kept in the order SQS gave its fields.</summary>
/// <param name="Attributes">The system attributes (ApproximateReceiveCount, SentTimestamp, AWSTraceHeader, …).</param>
internal sealed record SqsMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    string Md5OfBody,
    IReadOnlyList<KeyValuePair<string, string>> Attributes,
    IReadOnlyList<KeyValuePair<string, SqsMessageAttribute>> MessageAttributes,
    string? Md5OfMessageAttributes)
{
    public const string TraceHeaderAttribute = "AWSTraceHeader";

    /// <summary>The producer's trace context (X-Ray form) that SQS kept with the message; null when it had none.</summary>
    public string? TraceHeader => Attribute(TraceHeaderAttribute);

    public string? Attribute(string name)
    {
        foreach (var (key, value) in Attributes)
        {
            if (key == name)
                return value;
        }
        return null;
    }

    public static SqsMessage FromJson(JsonObject message)
    {
        static string Required(JsonObject message, string field) =>
            message[field]?.GetValue<string>() ?? throw new InvalidOperationException($"ReceiveMessage answered a message without {field}: {message.ToJsonString()}");

        var attributes = message["Attributes"] is JsonObject system
            ? system.Select(a => KeyValuePair.Create(a.Key, a.Value?.GetValue<string>() ?? "")).ToList()
            : [];
        var messageAttributes = message["MessageAttributes"] is JsonObject custom
            ? custom.Select(a => KeyValuePair.Create(a.Key, new SqsMessageAttribute(
                a.Value?["DataType"]?.GetValue<string>() ?? "String",
                a.Value?["StringValue"]?.GetValue<string>(),
                a.Value?["BinaryValue"]?.GetValue<string>()))).ToList()
            : [];
        return new SqsMessage(
            Required(message, "MessageId"),
            Required(message, "ReceiptHandle"),
            Required(message, "Body"),
            Required(message, "MD5OfBody"),
            attributes,
            messageAttributes,
            message["MD5OfMessageAttributes"]?.GetValue<string>());
    }
}
