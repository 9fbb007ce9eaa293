namespace Patterns.AwsClients.Sns;

/// <summary>PublishBatch's input: up to 10 messages to one topic.</summary>
public sealed record PublishBatchRequest(string TopicArn, IReadOnlyList<PublishBatchRequestEntry> Entries);
