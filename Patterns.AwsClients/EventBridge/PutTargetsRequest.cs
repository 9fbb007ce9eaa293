namespace Patterns.AwsClients.EventBridge;

/// <summary>PutTargets' input: adds targets to a rule, or replaces those with the same Id (up to 10 per call, 5 per rule).</summary>
public sealed record PutTargetsRequest(string Rule, IReadOnlyList<Target> Targets)
{
    /// <summary>The rule's bus (name or ARN); null = the default bus.</summary>
    public string? EventBusName { get; init; }
}
