namespace Patterns.Hosting.Model;

/// <summary>A queue's redrive policy: after <paramref name="MaxReceiveCount"/> receives a message moves to <paramref name="QueueName"/>.</summary>
public sealed record DeadLetterQueue(string QueueName, int MaxReceiveCount);
