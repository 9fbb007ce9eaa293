namespace Patterns.AwsClients.Sns;

/// <summary>One message of a PublishBatch, with an <see cref="Id"/> unique in the batch that the answer refers to.</summary>
public sealed record PublishBatchRequestEntry(string Id, string Message)
{
    public string? Subject { get; init; }

    public string? MessageStructure { get; init; }

    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }

    public string? MessageGroupId { get; init; }

    public string? MessageDeduplicationId { get; init; }
}
