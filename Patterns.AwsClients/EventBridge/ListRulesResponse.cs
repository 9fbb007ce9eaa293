namespace Patterns.AwsClients.EventBridge;

/// <summary>One page of ListRules; pass <see cref="NextToken"/> back for the next.</summary>
public sealed record ListRulesResponse
{
    public IReadOnlyList<Rule> Rules { get; init; } = [];

    public string? NextToken { get; init; }
}
