using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.SQS.Model;
using Patterns.LocalCloud;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Lambda.EventSourceMappings;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Triggers.Sqs;
using Patterns.Tests.LocalCloud.ApiGateway;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Triggers.SqsEventSources;

/// <summary>
/// SQS event source mappings deliver: batches of at most BatchSize, AWS's record shape, the
/// producer's trace, and the retry rules of function errors and partial batch responses (failed
/// messages come back after the visibility timeout and land in the DLQ after maxReceiveCount).
/// </summary>
public sealed class SqsDeliveryTests(SqsTriggerFixture fixture) : IClassFixture<SqsTriggerFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ten_messages_with_batch_size_5_are_all_processed_in_batches_of_at_most_5()
    {
        var queueUrl = await fixture.CreateQueueAsync("deliver-ten");
        await fixture.CreateFunctionAsync("TenRecorder", SqsTriggerFixture.Record);
        var bodies = Enumerable.Range(0, 10).Select(i => $"message {i}").ToList();
        await fixture.SendAsync(queueUrl, bodies);

        await fixture.CreateMappingAsync(new { FunctionName = "TenRecorder", EventSourceArn = SqsTriggerFixture.QueueArn("deliver-ten"), BatchSize = 5 });

        var log = await Poll.UntilAsync(() => fixture.FunctionLogAsync("TenRecorder"), l => SqsLog.Records(l).Count >= 10, Deadline, "ten records in the function's log");
        var batches = SqsLog.Batches(log);
        Assert.All(batches, b => Assert.InRange(b.Length, 1, 5));
        Assert.Equal(10, batches.Sum(b => b.Length));
        Assert.Equal(bodies.Order(), SqsLog.Records(log).Select(r => r.GetProperty("body").GetString()).Order());
        await Poll.UntilAsync(() => fixture.MessagesInQueueAsync(queueUrl), n => n == 0, Deadline, "the processed messages to be deleted");
    }

    [Fact]
    public async Task A_record_has_the_shape_Lambda_gives_an_SQS_message()
    {
        var queueUrl = await fixture.CreateQueueAsync("deliver-shape");
        await fixture.CreateFunctionAsync("ShapeRecorder", SqsTriggerFixture.Record);
        var sent = await fixture.Sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = queueUrl,
            MessageBody = """{"order":42}""",
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["text"] = new() { DataType = "String", StringValue = "hello" },
                ["count"] = new() { DataType = "Number", StringValue = "42" },
                ["blob"] = new() { DataType = "Binary", BinaryValue = new MemoryStream([1, 2, 3]) },
            },
        });
        var plain = await fixture.Sqs.SendMessageAsync(queueUrl, "plain");

        await fixture.CreateMappingAsync(new { FunctionName = "ShapeRecorder", EventSourceArn = SqsTriggerFixture.QueueArn("deliver-shape"), BatchSize = 1 });

        var records = SqsLog.Records(await Poll.UntilAsync(() => fixture.FunctionLogAsync("ShapeRecorder"), l => SqsLog.Records(l).Count >= 2, Deadline, "both records"));
        var record = records.Single(r => r.GetProperty("messageId").GetString() == sent.MessageId);
        Assert.Equal(
            ["messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody", "md5OfMessageAttributes", "eventSource", "eventSourceARN", "awsRegion"],
            record.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrEmpty(record.GetProperty("receiptHandle").GetString()));
        Assert.Equal("""{"order":42}""", record.GetProperty("body").GetString());
        var attributes = record.GetProperty("attributes");
        Assert.Equal(["ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"], attributes.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1", attributes.GetProperty("ApproximateReceiveCount").GetString());
        Assert.Matches("^[0-9]{13}$", attributes.GetProperty("SentTimestamp").GetString());
        Assert.Matches("^[0-9]{13}$", attributes.GetProperty("ApproximateFirstReceiveTimestamp").GetString());
        Assert.False(string.IsNullOrEmpty(attributes.GetProperty("SenderId").GetString()));
        var messageAttributes = record.GetProperty("messageAttributes");
        Assert.Equal("""{"stringValue":"hello","stringListValues":[],"binaryListValues":[],"dataType":"String"}""", messageAttributes.GetProperty("text").GetRawText());
        Assert.Equal("""{"stringValue":"42","stringListValues":[],"binaryListValues":[],"dataType":"Number"}""", messageAttributes.GetProperty("count").GetRawText());
        Assert.Equal("""{"binaryValue":"AQID","stringListValues":[],"binaryListValues":[],"dataType":"Binary"}""", messageAttributes.GetProperty("blob").GetRawText());
        Assert.Equal(sent.MD5OfMessageBody, record.GetProperty("md5OfBody").GetString());
        Assert.Equal(sent.MD5OfMessageAttributes, record.GetProperty("md5OfMessageAttributes").GetString());
        Assert.Equal("aws:sqs", record.GetProperty("eventSource").GetString());
        Assert.Equal(SqsTriggerFixture.QueueArn("deliver-shape"), record.GetProperty("eventSourceARN").GetString());
        Assert.Equal("us-east-1", record.GetProperty("awsRegion").GetString());

        var plainRecord = records.Single(r => r.GetProperty("messageId").GetString() == plain.MessageId);
        Assert.False(plainRecord.TryGetProperty("md5OfMessageAttributes", out _));
        Assert.Equal("{}", plainRecord.GetProperty("messageAttributes").GetRawText());
    }

    [Fact]
    public async Task A_FIFO_record_carries_the_group_the_deduplication_id_and_the_sequence_number()
    {
        var queueUrl = await fixture.CreateQueueAsync("deliver-shape.fifo", fifo: true);
        await fixture.CreateFunctionAsync("FifoRecorder", SqsTriggerFixture.Record);
        var sent = await fixture.Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = "first", MessageGroupId = "customer-7", MessageDeduplicationId = "order-1" });

        await fixture.CreateMappingAsync(new { FunctionName = "FifoRecorder", EventSourceArn = SqsTriggerFixture.QueueArn("deliver-shape.fifo") });

        var record = SqsLog.Records(await Poll.UntilAsync(() => fixture.FunctionLogAsync("FifoRecorder"), l => SqsLog.Records(l).Count >= 1, Deadline, "the FIFO record")).Single();
        var attributes = record.GetProperty("attributes");
        Assert.Equal(
            ["ApproximateReceiveCount", "SentTimestamp", "SequenceNumber", "MessageGroupId", "SenderId", "MessageDeduplicationId", "ApproximateFirstReceiveTimestamp"],
            attributes.EnumerateObject().Select(p => p.Name));
        Assert.Equal("customer-7", attributes.GetProperty("MessageGroupId").GetString());
        Assert.Equal("order-1", attributes.GetProperty("MessageDeduplicationId").GetString());
        Assert.Equal(sent.SequenceNumber, attributes.GetProperty("SequenceNumber").GetString());
    }

    [Fact]
    public async Task FilterCriteria_delivers_the_matching_messages_and_deletes_the_others_unseen()
    {
        var queueUrl = await fixture.CreateQueueAsync("filtered");
        await fixture.CreateFunctionAsync("FilteredRecorder", SqsTriggerFixture.Record);
        string[] wanted = ["""{"kind":"order","total":120}""", "urgent: call back"];
        string[] unwanted = ["""{"kind":"order","total":80}""", """{"kind":"refund","total":500}""", "routine note", """{"total":300}"""];
        await fixture.SendAsync(queueUrl, [.. unwanted, .. wanted]);

        await fixture.CreateMappingAsync(new
        {
            FunctionName = "FilteredRecorder",
            EventSourceArn = SqsTriggerFixture.QueueArn("filtered"),
            FilterCriteria = new
            {
                Filters = new[]
                {
                    new { Pattern = """{"body":{"kind":["order"],"total":[{"numeric":[">",100]}]}}""" },
                    new { Pattern = """{"body":[{"prefix":"urgent:"}]}""" },
                },
            },
        });

        await Poll.UntilAsync(() => fixture.MessagesInQueueAsync(queueUrl), n => n == 0, Deadline, "every message delivered or dropped");
        var log = await Poll.UntilAsync(() => fixture.FunctionLogAsync("FilteredRecorder"), l => SqsLog.Records(l).Count >= 2, Deadline, "the matching records");
        Assert.Equal(wanted.Order(), SqsLog.Records(log).Select(r => r.GetProperty("body").GetString()).Order());
    }

    [Fact]
    public async Task A_FIFO_queue_is_processed_in_order_within_each_message_group()
    {
        var queueUrl = await fixture.CreateQueueAsync("ordered.fifo", fifo: true);
        await fixture.CreateFunctionAsync("OrderedRecorder", SqsTriggerFixture.Record);
        for (var i = 0; i < 12; i++)
        {
            await fixture.Sqs.SendMessageAsync(new SendMessageRequest
            {
                QueueUrl = queueUrl, MessageBody = $"{(i % 2 == 0 ? "red" : "blue")}-{i}", MessageGroupId = i % 2 == 0 ? "red" : "blue", MessageDeduplicationId = $"m{i}",
            });
        }

        await fixture.CreateMappingAsync(new { FunctionName = "OrderedRecorder", EventSourceArn = SqsTriggerFixture.QueueArn("ordered.fifo"), BatchSize = 3 });

        var log = await Poll.UntilAsync(() => fixture.FunctionLogAsync("OrderedRecorder"), l => SqsLog.Records(l).Count >= 12, Deadline, "twelve records");
        var bodies = SqsLog.Records(log).Select(r => r.GetProperty("body").GetString()!).ToList();
        Assert.Equal(12, bodies.Count);
        foreach (var group in new[] { "red", "blue" })
        {
            var sequence = bodies.Where(b => b.StartsWith(group, StringComparison.Ordinal)).Select(b => int.Parse(b[(group.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(sequence.Order(), sequence);
        }
        Assert.All(SqsLog.Batches(log), b => Assert.InRange(b.Length, 1, 3));
    }

    [Fact]
    public async Task Throttled_invocations_leave_the_messages_in_the_queue_until_Lambda_takes_them()
    {
        var queueUrl = await fixture.CreateQueueAsync("throttled", visibilityTimeoutSeconds: 1);
        var queue = new SqsQueue(SqsTriggerFixture.QueueArn("throttled"), "throttled", queueUrl, false, 1);
        await fixture.SendAsync(queueUrl, ["one", "two", "three"]);
        var lambda = new FakeLambdaInvoker();
        var attempts = 0;
        lambda.Handle("Throttled", _ => Interlocked.Increment(ref attempts) <= 2
            ? Task.FromException<InvocationResult>(new AwsServiceException(429, "TooManyRequestsException", "Rate Exceeded."))
            : Task.FromResult(FakeLambdaInvoker.Result("null")));
        var log = new StringWriter();
        var options = new LocalCloudOptions { Log = TextWriter.Synchronized(log), SqsPollWaitTime = TimeSpan.FromSeconds(1) };
        var mapping = new EventSourceMapping
        {
            Uuid = "throttle-test", EventSourceArn = queue.Arn, FunctionArn = FakeLambdaInvoker.Arn("Throttled"), LastModified = DateTimeOffset.UtcNow, State = "Enabled",
        };
        using var moto = new HttpClient { BaseAddress = fixture.Cloud.MotoUrl };
        var poller = new SqsPoller(() => mapping, queue, new SqsQueueClient(new MotoClient(moto, "us-east-1"), "us-east-1"), lambda, options, tracing: null);

        poller.Start();
        try
        {
            await Poll.UntilAsync(() => fixture.MessagesInQueueAsync(queueUrl), n => n == 0, Deadline, "the messages processed once Lambda stopped throttling");
        }
        finally
        {
            await poller.StopAsync();
        }

        var delivered = lambda.Received("Throttled").Skip(2).SelectMany(r => JsonDocument.Parse(r.Payload).RootElement.GetProperty("Records").EnumerateArray().Select(x => x.GetProperty("body").GetString()));
        Assert.Equal(["one", "three", "two"], delivered.Order());
        Assert.Contains("TooManyRequestsException: Rate Exceeded.", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_function_continues_the_trace_of_a_message_sent_with_a_traceparent()
    {
        var queueUrl = await fixture.CreateQueueAsync("deliver-traced");
        await fixture.CreateFunctionAsync("TraceRecorder", SqsTriggerFixture.Record);
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        const string producerSpan = "00f067aa0ba902b7";
        using var send = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { QueueUrl = queueUrl, MessageBody = "traced" }), Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        send.Headers.Add("X-Amz-Target", "AmazonSQS.SendMessage");
        send.Headers.Add("traceparent", $"00-{traceId}-{producerSpan}-01");
        using (var sent = await fixture.Edge.SendAsync(send))
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        await fixture.CreateMappingAsync(new { FunctionName = "TraceRecorder", EventSourceArn = SqsTriggerFixture.QueueArn("deliver-traced") });

        var log = await Poll.UntilAsync(() => fixture.FunctionLogAsync("TraceRecorder"), l => SqsLog.Records(l).Count >= 1, Deadline, "the traced record");
        var expected = $"Root=1-{traceId[..8]}-{traceId[8..]};Parent={producerSpan};Sampled=1";
        Assert.Equal(expected, SqsLog.Records(log).Single().GetProperty("attributes").GetProperty("AWSTraceHeader").GetString());
        // Without telemetry the local cloud makes no spans of its own: the invocation continues the producer's context.
        Assert.Equal(expected, SqsLog.Lines(log, "TRACE").Single());
    }

    [Fact]
    public async Task With_a_partial_batch_response_exactly_the_failed_messages_reach_the_DLQ_after_three_receives()
    {
        var dlqUrl = await fixture.CreateQueueAsync("partial-dlq");
        var queueUrl = await fixture.CreateQueueAsync("partial", visibilityTimeoutSeconds: 2, deadLetterQueue: "partial-dlq", maxReceiveCount: 3);
        await fixture.CreateFunctionAsync("PartialFailer", SqsTriggerFixture.ReportFailures, timeoutSeconds: 1);
        string[] good = ["good-1", "good-2", "good-3", "good-4"];
        string[] bad = ["""{"fail":true,"n":1}""", """{"fail":true,"n":2}"""];
        await fixture.SendAsync(queueUrl, [good[0], bad[0], good[1], good[2], bad[1], good[3]]);

        await fixture.CreateMappingAsync(new
        {
            FunctionName = "PartialFailer",
            EventSourceArn = SqsTriggerFixture.QueueArn("partial"),
            FunctionResponseTypes = new[] { "ReportBatchItemFailures" },
        });

        await Poll.UntilAsync(() => fixture.MessagesInQueueAsync(dlqUrl), n => n == 2, Deadline, "the two failed messages in the DLQ");
        await Poll.UntilAsync(() => fixture.MessagesInQueueAsync(queueUrl), n => n == 0, Deadline, "the source queue to be empty");
        var deadLetters = await fixture.ReceiveAllAsync(dlqUrl);
        Assert.Equal(bad.Order(), deadLetters.Select(m => m.Body).Order());
        var processed = SqsLog.Processed(await fixture.FunctionLogAsync("PartialFailer"));
        Assert.Equal(4, processed.Count);
        Assert.All(processed, p => Assert.Equal(1, p.ReceiveCount));
        var log = await fixture.FunctionLogAsync("PartialFailer");
        Assert.Equal(3, log.Count(l => l.StartsWith("START ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("unknown-id", """{"itemIdentifier":"not-a-message-of-the-batch","onReceive":1}""", "is not the messageId of a message in the batch")]
    [InlineData("empty-id", """{"itemIdentifier":"","onReceive":1}""", "an itemIdentifier is null or empty")]
    [InlineData("thrown", """{"throw":true,"onReceive":1}""", null)]
    public async Task A_malformed_partial_batch_response_or_a_function_error_returns_the_whole_batch(string name, string instruction, string? logged)
    {
        var queueUrl = await fixture.CreateQueueAsync($"whole-{name}", visibilityTimeoutSeconds: 2);
        await fixture.CreateFunctionAsync($"Whole-{name}", SqsTriggerFixture.ReportFailures, timeoutSeconds: 1);
        await fixture.SendAsync(queueUrl, ["plain-1", instruction, "plain-2"]);

        await fixture.CreateMappingAsync(new
        {
            FunctionName = $"Whole-{name}",
            EventSourceArn = SqsTriggerFixture.QueueArn($"whole-{name}"),
            FunctionResponseTypes = new[] { "ReportBatchItemFailures" },
        });

        var processed = await Poll.UntilAsync(async () => SqsLog.Processed(await fixture.FunctionLogAsync($"Whole-{name}")),
            p => p.Count(x => x.ReceiveCount == 2) == 3, Deadline, "every message of the batch processed on its second receive");
        Assert.Equal(3, processed.Select(p => p.MessageId).Distinct().Count());
        await Poll.UntilAsync(() => fixture.MessagesInQueueAsync(queueUrl), n => n == 0, Deadline, "the queue to be empty");
        if (logged is not null)
            Assert.Contains(logged, fixture.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_ReportBatchItemFailures_a_returned_batchItemFailures_is_ignored_and_the_batch_deleted()
    {
        var queueUrl = await fixture.CreateQueueAsync("ignored-failures", visibilityTimeoutSeconds: 2);
        await fixture.CreateFunctionAsync("IgnoredFailures", SqsTriggerFixture.ReportFailures, timeoutSeconds: 1);
        await fixture.SendAsync(queueUrl, ["plain", """{"fail":true}"""]);

        await fixture.CreateMappingAsync(new { FunctionName = "IgnoredFailures", EventSourceArn = SqsTriggerFixture.QueueArn("ignored-failures") });

        await Poll.UntilAsync(async () => SqsLog.Processed(await fixture.FunctionLogAsync("IgnoredFailures")), p => p.Count == 1, Deadline, "the plain message processed");
        await Poll.UntilAsync(() => fixture.MessagesInQueueAsync(queueUrl), n => n == 0, Deadline, "both messages deleted");
        var log = await fixture.FunctionLogAsync("IgnoredFailures");
        Assert.Equal(1, log.Count(l => l.StartsWith("START ", StringComparison.Ordinal)));
    }
}
