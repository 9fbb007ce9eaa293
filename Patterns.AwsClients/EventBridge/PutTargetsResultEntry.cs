namespace Patterns.AwsClients.EventBridge;

/// <summary>A target PutTargets could not add.</summary>
public sealed record PutTargetsResultEntry
{
    public string? TargetId { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
