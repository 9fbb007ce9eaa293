using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>
/// The event source mappings' own SQS calls, straight to moto: finding a mapping's queue, receiving
/// with every attribute, deleting what was processed. moto keeps SQS's semantics (visibility
/// timeout, redrive to the dead-letter queue on receive after maxReceiveCount, FIFO groups).
/// </summary>
internal sealed class SqsQueueClient(MotoClient moto, string region)
{
    private const int MaxEntriesPerCall = 10;

    // moto's ReceiveMessage is not safe to run twice at once on one queue: two calls can take the
    // same message, or both try to move one to the dead-letter queue (and one fails with a 500).
    // The pollers of a queue therefore receive one at a time; their batches still run concurrently.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _receiving = new(StringComparer.Ordinal);

    /// <summary>The queue an ARN names, or null when there is none (in this region).</summary>
    public async Task<SqsQueue?> FindAsync(string queueArn, CancellationToken cancellationToken)
    {
        if (queueArn.Split(':') is not ["arn", _, "sqs", var queueRegion, var account, var name] || queueRegion != region || name.Length == 0)
            return null;
        string url;
        try
        {
            var answer = await moto.CallJsonAsync("sqs", "AmazonSQS.GetQueueUrl", new { QueueName = name, QueueOwnerAWSAccountId = account }, cancellationToken).ConfigureAwait(false);
            url = answer?["QueueUrl"]?.GetValue<string>() ?? throw new MotoCallException("GetQueueUrl", 200, "no QueueUrl in the answer");
        }
        catch (MotoCallException exception) when (exception.IsErrorCode("QueueDoesNotExist") || exception.IsErrorCode("NonExistentQueue"))
        {
            return null;
        }
        var attributes = (await moto.CallJsonAsync("sqs", "AmazonSQS.GetQueueAttributes", new { QueueUrl = url, AttributeNames = new[] { "All" } }, cancellationToken).ConfigureAwait(false))?["Attributes"];
        return new SqsQueue(
            queueArn,
            name,
            url,
            attributes?["FifoQueue"]?.GetValue<string>() == "true",
            int.Parse(attributes?["VisibilityTimeout"]?.GetValue<string>() ?? "30", CultureInfo.InvariantCulture));
    }

    /// <param name="waitSeconds">ReceiveMessage's WaitTimeSeconds: 0 answers at once, up to 20 long-polls.</param>
    public async Task<IReadOnlyList<SqsMessage>> ReceiveAsync(SqsQueue queue, int maxMessages, int waitSeconds, CancellationToken cancellationToken)
    {
        var gate = _receiving.GetOrAdd(queue.Arn, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? answer;
        try
        {
            answer = await moto.CallJsonAsync("sqs", "AmazonSQS.ReceiveMessage", new
            {
                QueueUrl = queue.Url,
                MaxNumberOfMessages = Math.Clamp(maxMessages, 1, MaxEntriesPerCall),
                WaitTimeSeconds = Math.Clamp(waitSeconds, 0, 20),
                AttributeNames = new[] { "All" },
                MessageSystemAttributeNames = new[] { "All" },
                MessageAttributeNames = new[] { "All" },
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
        return answer?["Messages"] is JsonArray messages
            ? [.. messages.OfType<JsonObject>().Select(SqsMessage.FromJson)]
            : [];
    }

    /// <summary>Deletes the messages (DeleteMessageBatch, ten at a time).</summary>
    /// <returns>What SQS refused, one line per message; empty when all were deleted.</returns>
    public async Task<IReadOnlyList<string>> DeleteAsync(SqsQueue queue, IReadOnlyList<SqsMessage> messages, CancellationToken cancellationToken)
    {
        List<string> refused = [];
        foreach (var chunk in messages.Chunk(MaxEntriesPerCall))
        {
            var answer = await moto.CallJsonAsync("sqs", "AmazonSQS.DeleteMessageBatch", new
            {
                QueueUrl = queue.Url,
                Entries = chunk.Select((m, i) => new { Id = i.ToString(CultureInfo.InvariantCulture), m.ReceiptHandle }).ToArray(),
            }, cancellationToken).ConfigureAwait(false);
            if (answer?["Failed"] is JsonArray failed)
            {
                foreach (var failure in failed.OfType<JsonObject>())
                {
                    var index = int.Parse(failure["Id"]?.GetValue<string>() ?? "0", CultureInfo.InvariantCulture);
                    refused.Add($"{chunk[index].MessageId}: {failure["Code"]} {failure["Message"]}");
                }
            }
        }
        return refused;
    }

    /// <summary>Makes received messages visible again at once (ChangeMessageVisibilityBatch to 0).</summary>
    public async Task ReleaseAsync(SqsQueue queue, IReadOnlyList<SqsMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var chunk in messages.Chunk(MaxEntriesPerCall))
        {
            await moto.CallJsonAsync("sqs", "AmazonSQS.ChangeMessageVisibilityBatch", new
            {
                QueueUrl = queue.Url,
                Entries = chunk.Select((m, i) => new { Id = i.ToString(CultureInfo.InvariantCulture), m.ReceiptHandle, VisibilityTimeout = 0 }).ToArray(),
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
