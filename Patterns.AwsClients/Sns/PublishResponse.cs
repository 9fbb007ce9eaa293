namespace Patterns.AwsClients.Sns;

/// <summary>Publish's output.</summary>
/// <param name="SequenceNumber">Set for FIFO topics only.</param>
public sealed record PublishResponse(string MessageId, string? SequenceNumber);
