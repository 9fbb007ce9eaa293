namespace Patterns.Hosting.Model;

/// <summary>
/// Where a rule sends a matching event: a function (invoked asynchronously), a queue or a topic.
/// Without an input transformer the target gets the whole event.
/// </summary>
public sealed record RuleTarget(string ResourceName)
{
    public InputTransformer? InputTransformer { get; init; }
}
