using System.Collections.Immutable;

namespace Patterns.Hosting.Model;

/// <summary>An EventBridge rule on a bus: events matching its pattern go to each of its targets.</summary>
/// <param name="EventPattern">The event pattern, as JSON.</param>
public sealed record Rule(string Name, string BusName, string EventPattern) : Resource(Name)
{
    public ImmutableArray<RuleTarget> Targets { get; init; } = [];
}
