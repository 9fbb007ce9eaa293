using System.Diagnostics;
using System.Globalization;
using Amazon.SQS.Model;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Triggers.SqsEventSources;

/// <summary>
/// SQS event source mappings at volume and over their lifetime: poison messages end in the DLQ and
/// nothing is lost or processed twice, a deep queue is worked by concurrent batches, a disabled or
/// deleted mapping stops polling.
/// </summary>
public sealed class SqsScalingTests(SqsTriggerFixture fixture) : IClassFixture<SqsTriggerFixture>
{
    [Fact]
    public async Task A_thousand_messages_with_ten_percent_poison_900_processed_exactly_once_and_100_dead_lettered()
    {
        var dlqUrl = await fixture.CreateQueueAsync("volume-dlq");
        // Room for a loaded 2-core machine: a batch that outlives the visibility timeout is received
        // again (as in AWS), and a good message could then reach the DLQ.
        var queueUrl = await fixture.CreateQueueAsync("volume", visibilityTimeoutSeconds: 4, deadLetterQueue: "volume-dlq", maxReceiveCount: 3);
        await fixture.CreateFunctionAsync("VolumeWorker", SqsTriggerFixture.ReportFailures, timeoutSeconds: 2);
        var bodies = Enumerable.Range(0, 1000).Select(i => i % 10 == 3 ? $$"""{"fail":true,"n":{{i}}}""" : $$"""{"n":{{i}}}""").ToList();
        // Four warm instances first: a cold start under load can outlast the short visibility timeout
        // this test needs, and a batch that outlives it is delivered twice (as in AWS).
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.LambdaAsync(HttpMethod.Post, "2015-03-31/functions/VolumeWorker/invocations", new { Records = Array.Empty<object>() })));
        await fixture.CreateMappingAsync(new
        {
            FunctionName = "VolumeWorker",
            EventSourceArn = SqsTriggerFixture.QueueArn("volume"),
            BatchSize = 10,
            FunctionResponseTypes = new[] { "ReportBatchItemFailures" },
        });

        // Produced while consumed, as a real producer does: moto's receive slows down with the
        // queue's depth (it rescans the queue per message), so a thousand at once would take minutes.
        foreach (var chunk in bodies.Chunk(10))
        {
            await Poll.UntilAsync(async () => (await fixture.Sqs.GetQueueAttributesAsync(queueUrl, ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages,
                waiting => waiting < 20, TimeSpan.FromSeconds(20), "the pollers to catch up with the producer");
            await fixture.SendAsync(queueUrl, chunk);
        }

        await Poll.UntilAsync(async () => (await fixture.MessagesInQueueAsync(queueUrl), await fixture.MessagesInQueueAsync(dlqUrl)),
            counts => counts == (0, 100), TimeSpan.FromSeconds(30), "an empty source queue and 100 dead letters");
        var processed = await Poll.UntilAsync(async () => SqsLog.Processed(await fixture.FunctionLogAsync("VolumeWorker")),
            p => p.Count >= 900, TimeSpan.FromSeconds(10), "900 PROCESSED lines in the function's log");
        Assert.Equal(900, processed.Count);
        Assert.Equal(900, processed.Select(p => p.MessageId).Distinct().Count());
        Assert.All(processed, p => Assert.Equal(1, p.ReceiveCount));
        var deadLetters = await fixture.ReceiveAllAsync(dlqUrl);
        Assert.Equal(bodies.Where(b => b.Contains("fail", StringComparison.Ordinal)).Order(), deadLetters.Select(m => m.Body).Order());
    }

    [Fact]
    public async Task A_deep_queue_is_worked_by_overlapping_batches_up_to_the_mappings_maximum_concurrency()
    {
        var queueUrl = await fixture.CreateQueueAsync("deep");
        var limitedUrl = await fixture.CreateQueueAsync("deep-limited");
        await fixture.CreateFunctionAsync("DeepWorker", SqsTriggerFixture.Record);
        await fixture.CreateFunctionAsync("LimitedWorker", SqsTriggerFixture.Record);
        var slow = Enumerable.Repeat("""{"sleepMs":300}""", 40).ToList();
        await fixture.SendAsync(queueUrl, slow);
        await fixture.SendAsync(limitedUrl, slow);

        await fixture.CreateMappingAsync(new { FunctionName = "DeepWorker", EventSourceArn = SqsTriggerFixture.QueueArn("deep"), BatchSize = 2 });
        await fixture.CreateMappingAsync(new { FunctionName = "LimitedWorker", EventSourceArn = SqsTriggerFixture.QueueArn("deep-limited"), BatchSize = 2, ScalingConfig = new { MaximumConcurrency = 2 } });

        var deep = await Poll.UntilAsync(() => fixture.FunctionLogAsync("DeepWorker"), l => SqsLog.Records(l).Count >= 40 && SqsLog.Lines(l, "FINISH").Count() >= 20, TimeSpan.FromSeconds(30), "every deep-queue batch");
        var limited = await Poll.UntilAsync(() => fixture.FunctionLogAsync("LimitedWorker"), l => SqsLog.Records(l).Count >= 40 && SqsLog.Lines(l, "FINISH").Count() >= 20, TimeSpan.FromSeconds(30), "every limited batch");
        Assert.InRange(MostAtOnce(deep), 2, 4); // four instances per function in this local cloud
        Assert.InRange(MostAtOnce(limited), 1, 2);
        Assert.True(fixture.Cloud.RunningInstances["DeepWorker"] > 1, "a deep queue brought up more than one instance");
    }

    [Fact]
    public async Task A_disabled_mapping_stops_polling_and_polls_again_once_enabled()
    {
        var queueUrl = await fixture.CreateQueueAsync("toggled");
        await fixture.CreateFunctionAsync("ToggledWorker", SqsTriggerFixture.Record);
        var uuid = (await fixture.CreateMappingAsync(new { FunctionName = "ToggledWorker", EventSourceArn = SqsTriggerFixture.QueueArn("toggled") })).GetProperty("UUID").GetString()!;
        await fixture.Sqs.SendMessageAsync(queueUrl, "before");
        await Poll.UntilAsync(() => fixture.FunctionLogAsync("ToggledWorker"), l => SqsLog.Records(l).Count == 1, TimeSpan.FromSeconds(20), "the first message processed");

        var (status, _, updated) = await fixture.LambdaAsync(HttpMethod.Put, $"2015-03-31/event-source-mappings/{uuid}", new { Enabled = false });
        Assert.Equal((202, "Updating"), (status, updated.GetProperty("State").GetString()));
        await Poll.UntilAsync(async () => (await fixture.LambdaAsync(HttpMethod.Get, $"2015-03-31/event-source-mappings/{uuid}")).Body.GetProperty("State").GetString(),
            s => s == "Disabled", TimeSpan.FromSeconds(10), "the mapping to be Disabled");
        await fixture.Sqs.SendMessageAsync(queueUrl, "while disabled");

        // Nobody else receives it: the test's own receive is its first.
        var received = (await fixture.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 2, MessageSystemAttributeNames = ["ApproximateReceiveCount"] })).Messages;
        var message = Assert.Single(received);
        Assert.Equal(("while disabled", "1"), (message.Body, message.Attributes["ApproximateReceiveCount"]));
        await fixture.Sqs.ChangeMessageVisibilityAsync(queueUrl, message.ReceiptHandle, 0);

        await fixture.LambdaAsync(HttpMethod.Put, $"2015-03-31/event-source-mappings/{uuid}", new { Enabled = true });
        var log = await Poll.UntilAsync(() => fixture.FunctionLogAsync("ToggledWorker"), l => SqsLog.Records(l).Count == 2, TimeSpan.FromSeconds(20), "the message sent while disabled, once enabled again");
        Assert.Equal("while disabled", SqsLog.Records(log)[1].GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_deleted_mapping_stops_polling_and_is_gone()
    {
        var queueUrl = await fixture.CreateQueueAsync("deleted");
        await fixture.CreateFunctionAsync("DeletedWorker", SqsTriggerFixture.Record);
        var uuid = (await fixture.CreateMappingAsync(new { FunctionName = "DeletedWorker", EventSourceArn = SqsTriggerFixture.QueueArn("deleted") })).GetProperty("UUID").GetString()!;
        await fixture.Sqs.SendMessageAsync(queueUrl, "before");
        await Poll.UntilAsync(() => fixture.FunctionLogAsync("DeletedWorker"), l => SqsLog.Records(l).Count == 1, TimeSpan.FromSeconds(20), "the first message processed");

        var (status, _, deleted) = await fixture.LambdaAsync(HttpMethod.Delete, $"2015-03-31/event-source-mappings/{uuid}");
        Assert.Equal((202, "Deleting"), (status, deleted.GetProperty("State").GetString()));
        await Poll.UntilAsync(async () => (await fixture.LambdaAsync(HttpMethod.Get, $"2015-03-31/event-source-mappings/{uuid}")).Status,
            s => s == 404, TimeSpan.FromSeconds(10), "the deleted mapping to be gone");
        await fixture.Sqs.SendMessageAsync(queueUrl, "after delete");

        var received = (await fixture.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 2, MessageSystemAttributeNames = ["ApproximateReceiveCount"] })).Messages;
        var message = Assert.Single(received);
        Assert.Equal(("after delete", "1"), (message.Body, message.Attributes["ApproximateReceiveCount"]));
    }

    [Fact]
    public async Task Stopping_the_local_cloud_mid_batch_ends_every_poller_at_once_and_quietly()
    {
        var own = new SqsLongPollFixture();
        await own.InitializeAsync();
        var stopped = false;
        try
        {
            await own.CreateQueueAsync("idle");
            var busyUrl = await own.CreateQueueAsync("busy");
            await own.CreateFunctionAsync("IdleWorker", SqsTriggerFixture.Record);
            await own.CreateFunctionAsync("BusyWorker", SqsTriggerFixture.Record);
            await own.SendAsync(busyUrl, Enumerable.Repeat("""{"sleepMs":1000}""", 20));
            await own.CreateMappingAsync(new { FunctionName = "IdleWorker", EventSourceArn = SqsTriggerFixture.QueueArn("idle") });
            await own.CreateMappingAsync(new { FunctionName = "BusyWorker", EventSourceArn = SqsTriggerFixture.QueueArn("busy"), BatchSize = 1 });
            await Poll.UntilAsync(() => own.FunctionLogAsync("BusyWorker"), l => SqsLog.Lines(l, "BEGIN").Any(), TimeSpan.FromSeconds(20), "a batch in flight");

            // The idle mapping is in a 20 s long poll and the busy one mid-batch: both end within the batch's second.
            var stopping = Stopwatch.StartNew();
            await own.DisposeAsync();
            stopped = true;

            Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
            Assert.DoesNotContain("SQS event source mapping", own.LogText, StringComparison.Ordinal);
        }
        finally
        {
            if (!stopped)
                await own.DisposeAsync();
        }
    }

    /// <summary>The most batches running at one moment, from the BEGIN and FINISH times the function printed.</summary>
    private static int MostAtOnce(List<string> log)
    {
        var events = SqsLog.Lines(log, "BEGIN").Select(t => (Time: long.Parse(t, CultureInfo.InvariantCulture), Change: 1))
            .Concat(SqsLog.Lines(log, "FINISH").Select(t => (Time: long.Parse(t, CultureInfo.InvariantCulture), Change: -1)))
            .OrderBy(e => e.Time).ThenBy(e => e.Change);
        var (running, most) = (0, 0);
        foreach (var (_, change) in events)
            most = Math.Max(most, running += change);
        return most;
    }
}
