namespace Patterns.AwsClients.EventBridge;

/// <summary>PutEvents' output: one result per entry, in order; events can fail one by one.</summary>
public sealed record PutEventsResponse
{
    public int FailedEntryCount { get; init; }

    public IReadOnlyList<PutEventsResultEntry> Entries { get; init; } = [];
}
