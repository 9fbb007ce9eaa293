namespace Patterns.AwsClients.EventBridge;

/// <summary>RemoveTargets' output: targets can fail one by one.</summary>
public sealed record RemoveTargetsResponse
{
    public int FailedEntryCount { get; init; }

    public IReadOnlyList<RemoveTargetsResultEntry> FailedEntries { get; init; } = [];
}
