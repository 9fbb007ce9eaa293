namespace Patterns.Hosting.Model;

/// <summary>The fluent settings of a queue.</summary>
public static class QueueBuilderExtensions
{
    /// <summary>After <paramref name="maxReceiveCount"/> receives without a delete, SQS moves a message to <paramref name="deadLetterQueue"/>.</summary>
    public static ResourceBuilder<Queue> WithDeadLetterQueue(this ResourceBuilder<Queue> queue, ResourceBuilder<Queue> deadLetterQueue, int maxReceiveCount)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(deadLetterQueue);
        queue.App.SameModel(deadLetterQueue, $"Queue {queue.Name}");
        if (deadLetterQueue.Name == queue.Name)
            throw new ArgumentException($"Queue {queue.Name} cannot be its own dead-letter queue.", nameof(deadLetterQueue));
        ModelRules.MaxReceiveCount(queue.Name, maxReceiveCount);
        return queue.Update(q => q with { DeadLetterQueue = new DeadLetterQueue(deadLetterQueue.Name, maxReceiveCount) });
    }

    /// <summary>How long a received message stays hidden from other consumers (default 30 s).</summary>
    public static ResourceBuilder<Queue> WithVisibilityTimeout(this ResourceBuilder<Queue> queue, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ModelRules.VisibilityTimeout(queue.Name, timeout);
        return queue.Update(q => q with { VisibilityTimeout = timeout });
    }
}
