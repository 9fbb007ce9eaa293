namespace Patterns.AwsClients.EventBridge;

/// <summary>ListRules' input: one page of a bus's rules, optionally those whose name starts with <see cref="NamePrefix"/>.</summary>
public sealed record ListRulesRequest
{
    public string? NamePrefix { get; init; }

    /// <summary>A bus name or ARN; null = the default bus.</summary>
    public string? EventBusName { get; init; }

    public string? NextToken { get; init; }

    /// <summary>Rules per page, 1–100.</summary>
    public int? Limit { get; init; }
}
