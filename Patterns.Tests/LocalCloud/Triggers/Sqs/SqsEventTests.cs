using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Patterns.LocalCloud.Triggers.Sqs;

namespace Patterns.Tests.LocalCloud.Triggers.SqsEventSources;

/// <summary>The event a function gets for a batch, built from ReceiveMessage's answer, and the batch's span.</summary>
public sealed class SqsEventTests
{
    private const string Arn = "arn:aws:sqs:us-east-1:000000000000:orders.fifo";

    [Fact]
    public void A_received_message_becomes_a_record_with_Lambdas_field_names_and_attribute_order()
    {
        var message = SqsMessage.FromJson((JsonObject)JsonNode.Parse("""
            {"MessageId":"id-1","ReceiptHandle":"rh-1","MD5OfBody":"md5-body","Body":"{\"a\":\"<b>\"}",
             "Attributes":{"SenderId":"AID","SentTimestamp":"1700000000000","ApproximateReceiveCount":"2","ApproximateFirstReceiveTimestamp":"1700000000001",
                           "MessageDeduplicationId":"d-1","MessageGroupId":"g-1","AWSTraceHeader":"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1","SequenceNumber":"18"},
             "MD5OfMessageAttributes":"md5-attrs",
             "MessageAttributes":{"bin":{"BinaryValue":"AQI=","DataType":"Binary"},"s":{"StringValue":"v","DataType":"String.custom"}}}
            """)!);

        var json = Encoding.UTF8.GetString(SqsEvent.Serialize([message], Arn, "eu-west-1"));

        const string expected = """"
            {"Records":[{"messageId":"id-1","receiptHandle":"rh-1","body":"{\"a\":\"<b>\"}","attributes":{"ApproximateReceiveCount":"2","AWSTraceHeader":"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1","SentTimestamp":"1700000000000","SequenceNumber":"18","MessageGroupId":"g-1","SenderId":"AID","MessageDeduplicationId":"d-1","ApproximateFirstReceiveTimestamp":"1700000000001"},"messageAttributes":{"bin":{"binaryValue":"AQI=","stringListValues":[],"binaryListValues":[],"dataType":"Binary"},"s":{"stringValue":"v","stringListValues":[],"binaryListValues":[],"dataType":"String.custom"}},"md5OfBody":"md5-body","md5OfMessageAttributes":"md5-attrs","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:orders.fifo","awsRegion":"eu-west-1"}]}
            """";
        Assert.Equal(expected, json);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", message.TraceHeader);
    }

    [Fact]
    public void Without_telemetry_there_is_no_span_and_without_producers_the_batch_starts_its_own_trace()
    {
        var queue = new SqsQueue(Arn, "orders.fifo", "http://moto/000000000000/orders.fifo", true, 30);
        SqsMessage[] untraced = [Message("a", null), Message("b", null)];
        Assert.Null(SqsBatchSpan.Start(null, queue, untraced, "us-east-1"));

        using var source = new ActivitySource($"Tests.SqsBatchSpan.{Guid.NewGuid():N}");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var ambient = source.StartActivity("ambient request");

        using var span = SqsBatchSpan.Start(source, queue, [Message("a", null), Message("b", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")], "us-east-1");

        Assert.NotNull(span);
        Assert.NotEqual(ambient!.TraceId, span.TraceId);
        Assert.Equal(default, span.ParentSpanId);
        Assert.Equal(("5759e988bd862e3fe1be46a994272793", "53995c3f42cd8ad8"), (span.Links.Single().Context.TraceId.ToHexString(), span.Links.Single().Context.SpanId.ToHexString()));
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:orders.fifo", span.GetTagItem("cloud.resource_id"));
        Assert.Null(span.GetTagItem("messaging.message.id"));
    }

    private static SqsMessage Message(string id, string? traceHeader) =>
        new(id, "rh-" + id, "body", "md5", traceHeader is null ? [] : [KeyValuePair.Create("AWSTraceHeader", traceHeader)], [], null);
}
