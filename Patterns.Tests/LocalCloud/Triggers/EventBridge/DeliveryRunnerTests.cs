using Patterns.LocalCloud.Triggers.EventBridge.Delivery;
using Patterns.LocalCloud.Triggers.EventBridge.Rules;

namespace Patterns.Tests.LocalCloud.Triggers.EventBridge;

/// <summary>A target's RetryPolicy and DeadLetterConfig: which failures are retried, for how long, and where the event goes then.</summary>
public sealed class DeliveryRunnerTests
{
    private const string DeadLetterArn = "arn:aws:sqs:us-east-1:000000000000:orders-dlq";

    private readonly FakeSender _sender = new();
    private readonly FakeDeadLetters _deadLetters = new();
    private readonly StringWriter _log = new();

    private DeliveryRunner Runner() =>
        new(_sender, _deadLetters, new RetryBackoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4)), TimeProvider.System, _log);

    private static DeliveryFailure Throttled() => new(DeliveryFailure.Throttling, "slow down", retryable: true);

    [Fact]
    public async Task A_retryable_failure_is_retried_until_the_target_takes_the_event()
    {
        _sender.Failures.Enqueue(Throttled());
        _sender.Failures.Enqueue(Throttled());
        await using var runner = Runner();

        await runner.RunAsync(TestDeliveries.Delivery(TestDeliveries.Target(deadLetterArn: DeadLetterArn)));

        Assert.Equal(3, _sender.Attempts);
        Assert.Empty(_deadLetters.Received);
    }

    [Fact]
    public async Task Retries_stop_at_MaximumRetryAttempts_and_the_event_goes_to_the_dead_letter_queue()
    {
        _sender.Always = Throttled();
        await using var runner = Runner();

        await runner.RunAsync(TestDeliveries.Delivery(TestDeliveries.Target(retry: new RetryPolicy(2, 86400), deadLetterArn: DeadLetterArn)));

        Assert.Equal(3, _sender.Attempts);
        var (failure, retries, condition) = Assert.Single(_deadLetters.Received);
        Assert.Equal((DeliveryFailure.Throttling, 2, "MaximumRetryAttempts"), (failure.ErrorCode, retries, condition));
    }

    [Fact]
    public async Task Retries_stop_when_the_event_would_be_older_than_MaximumEventAgeInSeconds()
    {
        _sender.Always = Throttled();
        await using var runner = Runner();
        var old = TestDeliveries.Event(ingested: DateTimeOffset.UtcNow.AddSeconds(-61));

        await runner.RunAsync(TestDeliveries.Delivery(TestDeliveries.Target(retry: new RetryPolicy(185, 60), deadLetterArn: DeadLetterArn), old));

        Assert.Equal(1, _sender.Attempts);
        Assert.Equal("MaximumEventAgeInSeconds", Assert.Single(_deadLetters.Received).Condition);
    }

    [Theory]
    [InlineData(DeliveryFailure.NoPermissions)]
    [InlineData(DeliveryFailure.NoResource)]
    public async Task Missing_permissions_and_missing_targets_go_to_the_dead_letter_queue_without_retries(string code)
    {
        _sender.Always = new DeliveryFailure(code, "not there", retryable: false);
        await using var runner = Runner();

        await runner.RunAsync(TestDeliveries.Delivery(TestDeliveries.Target(deadLetterArn: DeadLetterArn)));

        Assert.Equal(1, _sender.Attempts);
        var (failure, retries, condition) = Assert.Single(_deadLetters.Received);
        Assert.Equal((code, 0, (string?)null), (failure.ErrorCode, retries, condition));
    }

    [Fact]
    public async Task Without_a_dead_letter_queue_the_dropped_event_is_named_in_the_log()
    {
        _sender.Always = new DeliveryFailure(DeliveryFailure.NoResource, "queue orders does not exist", retryable: false);
        await using var runner = Runner();

        await runner.RunAsync(TestDeliveries.Delivery(TestDeliveries.Target()));

        var log = _log.ToString();
        Assert.Contains("7bf73129-1428-4cd3-a780-95db273d1602", log, StringComparison.Ordinal);
        Assert.Contains("was dropped: NO_RESOURCE: queue orders does not exist", log, StringComparison.Ordinal);
        Assert.Contains("DeadLetterConfig", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_letter_queue_that_fails_too_is_named_in_the_log_with_both_reasons()
    {
        _sender.Always = new DeliveryFailure(DeliveryFailure.NoPermissions, "no policy", retryable: false);
        _deadLetters.Failure = new DeliveryFailure(DeliveryFailure.NoResource, "dlq missing", retryable: false);
        await using var runner = Runner();

        await runner.RunAsync(TestDeliveries.Delivery(TestDeliveries.Target(deadLetterArn: DeadLetterArn)));

        var log = _log.ToString();
        Assert.Contains("NO_PERMISSIONS: no policy", log, StringComparison.Ordinal);
        Assert.Contains("NO_RESOURCE: dlq missing", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_input_path_EventBridge_cannot_evaluate_fails_the_delivery_as_an_invalid_parameter()
    {
        await using var runner = Runner();

        await runner.RunAsync(TestDeliveries.Delivery(TestDeliveries.Target(inputPath: "detail", deadLetterArn: DeadLetterArn)));

        Assert.Equal(0, _sender.Attempts);
        Assert.Equal(DeliveryFailure.InvalidParameter, Assert.Single(_deadLetters.Received).Failure.ErrorCode);
    }

    [Fact]
    public void Backoff_doubles_with_jitter_up_to_the_cap()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        for (var retry = 0; retry < 8; retry++)
        {
            var full = Math.Min(Math.Pow(2, retry), 10);
            var delay = backoff.Delay(retry).TotalSeconds;
            Assert.InRange(delay, full / 2, full);
        }
    }

    private sealed class FakeSender : ITargetSender
    {
        public Queue<DeliveryFailure> Failures { get; } = new();

        public DeliveryFailure? Always { get; set; }

        public int Attempts { get; private set; }

        public Task SendAsync(TargetDelivery delivery, string input, CancellationToken cancellationToken)
        {
            Attempts++;
            if (Always is not null)
                throw Always;
            return Failures.TryDequeue(out var failure) ? throw failure : Task.CompletedTask;
        }
    }

    private sealed class FakeDeadLetters : IDeadLetterSink
    {
        public List<(DeliveryFailure Failure, int Retries, string? Condition)> Received { get; } = [];

        public DeliveryFailure? Failure { get; set; }

        public Task SendAsync(TargetDelivery delivery, DeliveryFailure failure, int retryAttempts, string? exhaustedRetryCondition, CancellationToken cancellationToken)
        {
            if (Failure is not null)
                throw Failure;
            Received.Add((failure, retryAttempts, exhaustedRetryCondition));
            return Task.CompletedTask;
        }
    }
}
