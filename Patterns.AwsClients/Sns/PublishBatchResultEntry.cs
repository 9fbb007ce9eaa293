namespace Patterns.AwsClients.Sns;

/// <summary>A batch entry that was published.</summary>
public sealed record PublishBatchResultEntry(string Id, string MessageId, string? SequenceNumber);
