namespace Patterns.AwsClients.EventBridge;

/// <summary>RemoveTargets' input: the targets of a rule to remove, by Id.</summary>
public sealed record RemoveTargetsRequest(string Rule, IReadOnlyList<string> Ids)
{
    /// <summary>The rule's bus (name or ARN); null = the default bus.</summary>
    public string? EventBusName { get; init; }

    /// <summary>Also remove targets of a rule another service manages.</summary>
    public bool? Force { get; init; }
}
