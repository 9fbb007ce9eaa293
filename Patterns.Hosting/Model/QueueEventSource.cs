namespace Patterns.Hosting.Model;

/// <summary>An SQS event source mapping: Lambda polls the queue and invokes the function with batches.</summary>
/// <param name="BatchSize">1 to 10 without a batching window; up to 10,000 with one.</param>
/// <param name="ReportBatchItemFailures">
/// The function answers with batchItemFailures, so that only the failed messages are retried
/// (and reach the queue's DLQ), not the whole batch.
/// </param>
public sealed record QueueEventSource(string QueueName, int BatchSize, TimeSpan MaximumBatchingWindow, bool ReportBatchItemFailures);
