using Patterns.LocalCloud.Triggers.EventBridge.Matching;

namespace Patterns.LocalCloud.Triggers.EventBridge.Rules;

/// <summary>A rule of a bus with its targets and its compiled pattern.</summary>
/// <param name="Pattern">Null when the rule has no event pattern (a scheduled rule) or one that is not valid.</param>
internal sealed record EventRule(
    string Name,
    string Arn,
    string State,
    string? EventPatternText,
    string? ScheduleExpression,
    EventPattern? Pattern,
    IReadOnlyList<RuleTarget> Targets)
{
    /// <summary>Events are matched against enabled rules with a valid pattern; schedules fire on their own.</summary>
    public bool MatchesEvents => Pattern is not null && State.StartsWith("ENABLED", StringComparison.Ordinal);
}
