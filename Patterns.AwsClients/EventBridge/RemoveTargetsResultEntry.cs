namespace Patterns.AwsClients.EventBridge;

/// <summary>A target RemoveTargets could not remove.</summary>
public sealed record RemoveTargetsResultEntry
{
    public string? TargetId { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
