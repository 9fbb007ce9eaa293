using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>
/// The event Lambda hands a function for a batch of SQS messages:
/// <c>{"Records":[{"messageId","receiptHandle","body","attributes","messageAttributes","md5OfBody",
/// "md5OfMessageAttributes","eventSource":"aws:sqs","eventSourceARN","awsRegion"}]}</c>, with AWS's
/// field names and casing.
/// </summary>
internal static class SqsEvent
{
    /// <summary>What a function may receive synchronously: AWS's 6 MB invocation payload limit.</summary>
    public const int PayloadLimit = 6 * 1024 * 1024;

    // Lambda lists the system attributes in this order; any other attribute SQS returns follows.
    private static readonly string[] AttributeOrder =
    [
        "ApproximateReceiveCount", SqsMessage.TraceHeaderAttribute, "SentTimestamp", "SequenceNumber", "MessageGroupId",
        "SenderId", "MessageDeduplicationId", "ApproximateFirstReceiveTimestamp",
    ];

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(IReadOnlyList<SqsMessage> messages, string queueArn, string region)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            foreach (var message in messages)
                WriteRecord(writer, message, queueArn, region);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>About how many bytes a message adds to the event (for the 6 MB limit; overestimates a little).</summary>
    public static int EstimatedSize(SqsMessage message) =>
        512 + Encoding.UTF8.GetByteCount(message.Body) + message.ReceiptHandle.Length
        + message.Attributes.Sum(a => a.Key.Length + a.Value.Length + 8)
        + message.MessageAttributes.Sum(a => a.Key.Length + (a.Value.StringValue?.Length ?? 0) + (a.Value.BinaryValue?.Length ?? 0) + 96);

    private static void WriteRecord(Utf8JsonWriter writer, SqsMessage message, string queueArn, string region)
    {
        writer.WriteStartObject();
        writer.WriteString("messageId", message.MessageId);
        writer.WriteString("receiptHandle", message.ReceiptHandle);
        writer.WriteString("body", message.Body);

        writer.WriteStartObject("attributes");
        var ordered = message.Attributes.OrderBy(a => Array.IndexOf(AttributeOrder, a.Key) is var index and >= 0 ? index : AttributeOrder.Length);
        foreach (var (name, value) in ordered)
            writer.WriteString(name, value);
        writer.WriteEndObject();

        writer.WriteStartObject("messageAttributes");
        foreach (var (name, attribute) in message.MessageAttributes)
        {
            writer.WriteStartObject(name);
            if (attribute.StringValue is { } stringValue)
                writer.WriteString("stringValue", stringValue);
            if (attribute.BinaryValue is { } binaryValue)
                writer.WriteString("binaryValue", binaryValue);
            writer.WriteStartArray("stringListValues");
            writer.WriteEndArray();
            writer.WriteStartArray("binaryListValues");
            writer.WriteEndArray();
            writer.WriteString("dataType", attribute.DataType);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();

        writer.WriteString("md5OfBody", message.Md5OfBody);
        if (message.Md5OfMessageAttributes is { } md5OfAttributes)
            writer.WriteString("md5OfMessageAttributes", md5OfAttributes);
        writer.WriteString("eventSource", "aws:sqs");
        writer.WriteString("eventSourceARN", queueArn);
        writer.WriteString("awsRegion", region);
        writer.WriteEndObject();
    }
}
