namespace Patterns.AwsClients.EventBridge;

/// <summary>What became of one event, at the position of its entry: an EventId, or an ErrorCode and ErrorMessage.</summary>
public sealed record PutEventsResultEntry
{
    public string? EventId { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
