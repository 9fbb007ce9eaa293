namespace Patterns.AwsClients.Sns;

/// <summary>
/// CreateTopic's input. Idempotent: creating a topic that exists with the same attributes
/// answers its ARN. A FIFO topic's name ends in ".fifo" and sets the attribute FifoTopic=true.
/// </summary>
public sealed record CreateTopicRequest(string Name)
{
    /// <summary>Topic attributes by name, e.g. FifoTopic, ContentBasedDeduplication, Policy, DisplayName, KmsMasterKeyId.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
