namespace Patterns.Hosting.Model;

/// <summary>The fluent settings of an EventBridge rule.</summary>
public static class RuleBuilderExtensions
{
    /// <summary>
    /// Sends the rule's events to <paramref name="target"/>: a function (invoked asynchronously;
    /// the deployment grants events.amazonaws.com the right to invoke it for this rule), a queue or
    /// a topic. With <paramref name="inputTransformer"/> the target gets the template's output
    /// instead of the event.
    /// </summary>
    public static ResourceBuilder<Rule> WithTarget<T>(this ResourceBuilder<Rule> rule, ResourceBuilder<T> target, InputTransformer? inputTransformer = null)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(target);
        rule.App.SameModel(target, $"Rule {rule.Name}");
        if (target.Resource is not (Function or Queue or Topic))
            throw new ArgumentException($"Rule {rule.Name}: a {typeof(T).Name} cannot be a rule target here; target a function, a queue or a topic.", nameof(target));
        return rule.Update(r =>
        {
            if (r.Targets.Any(t => t.ResourceName == target.Name))
                throw new ArgumentException($"Rule {rule.Name} already targets {target.Name}.", nameof(target));
            if (r.Targets.Length == 5)
                throw new ArgumentException($"Rule {rule.Name} already has 5 targets, EventBridge's limit per rule; add another rule with the same pattern.", nameof(target));
            return r with { Targets = r.Targets.Add(new RuleTarget(target.Name) { InputTransformer = inputTransformer }) };
        });
    }
}
