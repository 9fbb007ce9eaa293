using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>
/// Creates a model's queue with its visibility timeout and redrive policy, or brings an existing
/// queue's attributes to the model's.
/// </summary>
internal sealed class QueueProvisioner(IAmazonSQS sqs)
{
    /// <param name="deadLetterQueue">The queue's DLQ, provisioned first; null when it has none.</param>
    public async Task<ProvisionedQueue> ProvisionAsync(Queue queue, ProvisionedQueue? deadLetterQueue, CancellationToken cancellationToken)
    {
        var attributes = new Dictionary<string, string>
        {
            [QueueAttributeName.VisibilityTimeout] = ((int)queue.VisibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            [QueueAttributeName.RedrivePolicy] = deadLetterQueue is null || queue.DeadLetterQueue is not { } redrive
                ? ""
                : JsonSerializer.Serialize(new Dictionary<string, object> { ["deadLetterTargetArn"] = deadLetterQueue.Arn, ["maxReceiveCount"] = redrive.MaxReceiveCount }),
        };
        string url;
        try
        {
            url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = queue.Name, Attributes = WithoutEmpty(attributes) }, cancellationToken).ConfigureAwait(false)).QueueUrl;
        }
        catch (QueueNameExistsException)
        {
            // It exists with other attributes (an earlier run of a changed model): make them the model's.
            url = (await sqs.GetQueueUrlAsync(queue.Name, cancellationToken).ConfigureAwait(false)).QueueUrl;
            await sqs.SetQueueAttributesAsync(url, attributes, cancellationToken).ConfigureAwait(false);
        }
        var arn = (await sqs.GetQueueAttributesAsync(url, [QueueAttributeName.QueueArn], cancellationToken).ConfigureAwait(false)).QueueARN;
        return new ProvisionedQueue(queue.Name, new Uri(url), arn);
    }

    private static Dictionary<string, string> WithoutEmpty(Dictionary<string, string> attributes) =>
        attributes.Where(a => a.Value.Length > 0).ToDictionary(a => a.Key, a => a.Value);
}
