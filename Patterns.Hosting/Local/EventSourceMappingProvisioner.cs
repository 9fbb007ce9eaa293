using Patterns.AwsClients.Lambda;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>Creates a function's SQS event source mapping, or brings the existing one (found by queue and function) to the model's settings.</summary>
internal sealed class EventSourceMappingProvisioner(LambdaClient lambda)
{
    private const string ReportBatchItemFailures = "ReportBatchItemFailures";

    public async Task ProvisionAsync(string functionName, QueueEventSource source, ProvisionedQueue queue, CancellationToken cancellationToken)
    {
        var window = (int)source.MaximumBatchingWindow.TotalSeconds;
        IReadOnlyList<string> responseTypes = source.ReportBatchItemFailures ? [ReportBatchItemFailures] : [];
        var existing = (await lambda.ListAllEventSourceMappingsAsync(queue.Arn, functionName, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        if (existing is null)
        {
            await lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest(functionName)
            {
                EventSourceArn = queue.Arn,
                BatchSize = source.BatchSize,
                MaximumBatchingWindowInSeconds = window,
                FunctionResponseTypes = responseTypes,
                Enabled = true,
            }, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (existing.BatchSize != source.BatchSize || (existing.MaximumBatchingWindowInSeconds ?? 0) != window
            || !(existing.FunctionResponseTypes ?? []).SequenceEqual(responseTypes) || existing.State is "Disabled" or "Disabling")
        {
            await lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest(existing.UUID)
            {
                BatchSize = source.BatchSize,
                MaximumBatchingWindowInSeconds = window,
                FunctionResponseTypes = responseTypes,
                Enabled = true,
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
