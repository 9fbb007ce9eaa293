namespace Patterns.AwsClients.EventBridge;

/// <summary>Settings of an SQS target: the message group of a FIFO queue.</summary>
public sealed record SqsParameters(string? MessageGroupId);
