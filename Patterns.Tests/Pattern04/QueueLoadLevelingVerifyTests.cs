using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.SQS.Model;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.AwsClients.Lambda;
using Patterns.Tests.Support;

namespace Patterns.Tests.Pattern04;

/// <summary>Pattern 4 with a 3-second visibility timeout, so that three failed receives take seconds rather than minutes.</summary>
public sealed class QueueLoadLevelingFixture : PatternAppFixture
{
    protected override IEnumerable<IPattern> Patterns() => [new Pattern04QueueLoadLeveling { VisibilityTimeout = TimeSpan.FromSeconds(3) }];
}

/// <summary>
/// Pattern 4's Verify steps: ten payments are processed in batches of at most five; in the failure
/// drill exactly the poison payments reach PaymentQueue-DLQ after three receives each, and the good
/// payments sent with them are processed once.
/// </summary>
public sealed partial class QueueLoadLevelingVerifyTests(QueueLoadLevelingFixture fixture) : IClassFixture<QueueLoadLevelingFixture>
{
    [Fact]
    public async Task Ten_payments_are_processed_in_batches_of_at_most_five()
    {
        var sent = await ProduceAsync("""{"count": 10}""");
        Assert.Equal(10, sent.Count);

        var log = await fixture.LogUntilAsync(Pattern04QueueLoadLeveling.ProcessorName, l => sent.All(id => l.Any(m => m.StartsWith($"Processing payment {id} ", StringComparison.Ordinal))), "all ten payments");
        Assert.All(sent, id => Assert.Single(log, m => m.StartsWith($"Processing payment {id} ", StringComparison.Ordinal)));
        var batches = log.Select(m => BatchLine().Match(m)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(batches, size => Assert.InRange(size, 1, Pattern04QueueLoadLeveling.BatchSize));
        Assert.True(batches.Count >= 2, $"10 payments in batches of at most 5 take at least two batches; the log shows {batches.Count}.");
        // The producer's log reaches CloudWatch Logs on the log writer's schedule, after its result.
        await fixture.LogUntilAsync(Pattern04QueueLoadLeveling.ProducerName, l => l.Contains("Sent 10 payment messages to SQS"), "the producer's summary line");
    }

    [Fact]
    public async Task In_the_failure_drill_exactly_the_poison_payments_reach_the_dlq_after_three_receives()
    {
        var poison = await ProduceAsync("""{"count": 3, "simulateFailure": true}""");
        var good = await ProduceAsync("""{"count": 4}""");

        using var sqs = fixture.App.CreateSqsClient();
        var dlqUrl = fixture.App.Resources.Queue(Pattern04QueueLoadLeveling.DeadLetterQueueName).Url.ToString();
        var dead = new Dictionary<string, Message>();
        await Poll.UntilAsync(async () =>
        {
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = dlqUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1, MessageSystemAttributeNames = ["All"] });
            foreach (var message in received.Messages ?? [])
                dead[JsonDocument.Parse(message.Body).RootElement.GetProperty("paymentId").GetString()!] = message;
            return dead.Count;
        }, count => poison.All(dead.ContainsKey), TimeSpan.FromSeconds(40), "the three poison payments in PaymentQueue-DLQ");

        Assert.Equal(poison.Order(), dead.Keys.Order());
        var log = await fixture.LogUntilAsync(Pattern04QueueLoadLeveling.ProcessorName,
            l => good.All(id => l.Any(m => m.StartsWith($"Processing payment {id} ", StringComparison.Ordinal)))
                && poison.All(id => l.Count(m => m.Contains($"payment {id} is marked simulateFailure", StringComparison.Ordinal)) >= Pattern04QueueLoadLeveling.MaxReceiveCount),
            "every receive of the drill in the processor's log");
        // Each poison payment failed on each of its three receives, and no more.
        Assert.All(poison, id => Assert.Equal(Pattern04QueueLoadLeveling.MaxReceiveCount, log.Count(m => m.Contains($"payment {id} is marked simulateFailure", StringComparison.Ordinal))));
        Assert.All(good, id => Assert.Single(log, m => m.StartsWith($"Processing payment {id} ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Peers.AwsCliPeerTests.CliV1)]
    [InlineData(Peers.AwsCliPeerTests.CliV2)]
    public async Task A_payment_sent_with_the_aws_cli_is_processed(string cli)
    {
        var paymentId = Guid.NewGuid().ToString("N")[..8];
        var queueUrl = fixture.App.Resources.Queue(Pattern04QueueLoadLeveling.QueueName).Url.ToString();
        var body = JsonSerializer.Serialize(new { paymentId, amount = 12.5m, customerId = "cli-customer" });

        var (exitCode, _, stderr) = await ExternalProcess.RunAsync(cli,
            ["--endpoint-url", fixture.App.EdgeUrl.ToString().TrimEnd('/'), "sqs", "send-message", "--queue-url", queueUrl, "--message-body", body]);

        Assert.True(exitCode == 0, stderr);
        var log = await fixture.LogUntilAsync(Pattern04QueueLoadLeveling.ProcessorName, l => l.Any(m => m.Contains(paymentId, StringComparison.Ordinal)), "the CLI's payment");
        Assert.Single(log, m => m == $"Processing payment {paymentId} for $12.5 from cli-customer");
    }

    private async Task<List<string>> ProduceAsync(string request)
    {
        var response = await fixture.App.Lambda.InvokeAsync(new InvokeRequest(Pattern04QueueLoadLeveling.ProducerName) { Payload = System.Text.Encoding.UTF8.GetBytes(request) });
        Assert.Null(response.FunctionError);
        var body = JsonDocument.Parse(response.Payload).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        return [.. body.GetProperty("sent").EnumerateArray().Select(e => e.GetString()!)];
    }

    [GeneratedRegex(@"^Batch complete: (\d+) payments processed")]
    private static partial Regex BatchLine();
}
