namespace Patterns.AwsClients.EventBridge;

/// <summary>One page of ListTargetsByRule; pass <see cref="NextToken"/> back for the next.</summary>
public sealed record ListTargetsByRuleResponse
{
    public IReadOnlyList<Target> Targets { get; init; } = [];

    public string? NextToken { get; init; }
}
