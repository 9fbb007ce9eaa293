namespace Patterns.AwsClients.EventBridge;

/// <summary>PutTargets' output: targets can fail one by one.</summary>
public sealed record PutTargetsResponse
{
    public int FailedEntryCount { get; init; }

    public IReadOnlyList<PutTargetsResultEntry> FailedEntries { get; init; } = [];
}
