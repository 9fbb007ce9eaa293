using Patterns.Hosting.Model;

namespace Patterns.AppHost.Patterns;

/// <summary>
/// Pattern 4, queue-based load levelling: PaymentProducer sends payments to PaymentQueue; Lambda
/// polls it for PaymentProcessor in batches of up to 5; a payment that fails three receives moves
/// to PaymentQueue-DLQ. The processor reports failed messages one by one (batchItemFailures), so
/// only those are retried. The failure drill: send <c>{"count": 3, "simulateFailure": true}</c>,
/// or set the processor's FAIL_PAYMENTS to true.
/// </summary>
public sealed class Pattern04QueueLoadLeveling : IPattern
{
    public const string QueueName = "PaymentQueue";
    public const string DeadLetterQueueName = "PaymentQueue-DLQ";
    public const string ProducerName = "PaymentProducer";
    public const string ProcessorName = "PaymentProcessor";
    public const int MaxReceiveCount = 3;
    public const int BatchSize = 5;

    /// <summary>PaymentQueue's visibility timeout: SQS's default 30 s; a test shortens it to see the redrive sooner.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = Queue.DefaultVisibilityTimeout;

    /// <summary>Set FAIL_PAYMENTS=true on the processor: every payment fails (the seed's drill of raising in the handler).</summary>
    public bool FailPayments { get; init; }

    public void Declare(AppModelBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var deadLetters = app.AddQueue(DeadLetterQueueName);
        var queue = app.AddQueue(QueueName)
            .WithVisibilityTimeout(VisibilityTimeout)
            .WithDeadLetterQueue(deadLetters, MaxReceiveCount);
        app.AddFunction(ProducerName, "Functions::Functions.Pattern04.PaymentProducer::HandleAsync")
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithReference(queue, "QUEUE_URL", ResourceAccess.Write);
        var processor = app.AddFunction(ProcessorName, "Functions::Functions.Pattern04.PaymentProcessor::Handle")
            .WithEventSource(queue, batchSize: BatchSize, reportBatchItemFailures: true);
        if (FailPayments)
            processor.WithEnvironment("FAIL_PAYMENTS", "true");
    }
}
