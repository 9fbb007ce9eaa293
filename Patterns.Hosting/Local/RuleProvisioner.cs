using Patterns.AwsClients.EventBridge;
using Patterns.Hosting.Model;
using InputTransformer = Patterns.AwsClients.EventBridge.InputTransformer;
using Rule = Patterns.Hosting.Model.Rule;

namespace Patterns.Hosting.Local;

/// <summary>
/// Puts a model's rule on its bus (PutRule is an upsert), lets EventBridge invoke its function
/// targets, puts its targets (each with the target's resource name as id) and removes targets the
/// model no longer has.
/// </summary>
internal sealed class RuleProvisioner(EventBridgeClient events, LambdaGrants grants)
{
    /// <param name="targetArns">Each target's ARN by resource name.</param>
    /// <param name="functionTargets">The names of the targets that are functions.</param>
    public async Task<ProvisionedRule> ProvisionAsync(Rule rule, IReadOnlyDictionary<string, string> targetArns, IReadOnlySet<string> functionTargets, CancellationToken cancellationToken)
    {
        var put = await events.PutRuleAsync(new PutRuleRequest(rule.Name) { EventBusName = rule.BusName, EventPattern = rule.EventPattern, State = "ENABLED" }, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(rule.Targets.Where(t => functionTargets.Contains(t.ResourceName))
            .Select(t => grants.GrantInvokeAsync(t.ResourceName, "events.amazonaws.com", put.RuleArn, cancellationToken))).ConfigureAwait(false);

        if (!rule.Targets.IsEmpty)
        {
            var result = await events.PutTargetsAsync(new PutTargetsRequest(rule.Name, [.. rule.Targets.Select(t => Target(t, targetArns[t.ResourceName]))]) { EventBusName = rule.BusName }, cancellationToken).ConfigureAwait(false);
            if (result.FailedEntryCount > 0)
                throw new InvalidOperationException($"EventBridge refused targets of rule {rule.Name}: {string.Join("; ", result.FailedEntries.Select(f => $"{f.TargetId}: {f.ErrorCode} {f.ErrorMessage}"))}");
        }

        var stale = (await events.ListAllTargetsByRuleAsync(rule.Name, rule.BusName, cancellationToken).ConfigureAwait(false))
            .Select(t => t.Id).Where(id => rule.Targets.All(t => t.ResourceName != id)).ToList();
        if (stale.Count > 0)
            await events.RemoveTargetsAsync(new RemoveTargetsRequest(rule.Name, stale) { EventBusName = rule.BusName }, cancellationToken).ConfigureAwait(false);
        return new ProvisionedRule(rule.Name, rule.BusName, put.RuleArn);
    }

    private static Target Target(RuleTarget target, string arn) => new(target.ResourceName, arn)
    {
        InputTransformer = target.InputTransformer is { } transformer
            ? new InputTransformer(transformer.InputTemplate) { InputPathsMap = transformer.InputPathsMap }
            : null,
    };
}
