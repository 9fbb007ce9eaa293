namespace Patterns.AwsClients.EventBridge;

/// <summary>ListTargetsByRule's input: one page of a rule's targets.</summary>
public sealed record ListTargetsByRuleRequest(string Rule)
{
    /// <summary>The rule's bus (name or ARN); null = the default bus.</summary>
    public string? EventBusName { get; init; }

    public string? NextToken { get; init; }

    /// <summary>Targets per page, 1–100.</summary>
    public int? Limit { get; init; }
}
