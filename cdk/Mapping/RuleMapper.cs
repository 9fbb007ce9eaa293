using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Constructs;
using ModelRule = Patterns.Hosting.Model.Rule;
using RuleTarget = Patterns.Hosting.Model.RuleTarget;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model rule → an EventBridge rule on its bus with the model's event pattern exactly as
/// written (CDK's typed pattern cannot hold every matcher of EventBridge's pattern language, so
/// the rule is declared at the CloudFormation level), and a target per model target, bound as
/// CDK's targets bind: a function gets a Lambda permission for events.amazonaws.com from this
/// rule alone, a queue a queue policy statement for this rule alone, a topic a topic policy for
/// EventBridge. A target's input transformer is passed as written.
/// </summary>
internal sealed class RuleMapper : ResourceMapper<ModelRule, CfnRule>
{
    protected override CfnRule Map(ModelRule rule, MappingContext context)
    {
        var bus = context.Get<MappedEventBus>(rule.BusName, rule);
        var scope = new Construct(context.Stack, rule.Name);
        var construct = new CfnRule(scope, "Resource", new CfnRuleProps
        {
            EventBusName = bus.Name,
            State = "ENABLED",
            Description = $"The {rule.Name} rule of the app model",
        });
        // An override, which CDK does not check: its own check of the property refuses the JSON text.
        construct.AddPropertyOverride("EventPattern", PlainJson.Exact(rule.EventPattern));
        // The rule as CDK's targets see it, so that each adds its permission for this rule's ARN.
        var bound = Rule.FromEventRuleArn(scope, "Bound", construct.AttrArn);
        construct.Targets = rule.Targets.Select((target, index) => Target(rule, target, $"Target{index}", bound, context)).ToArray();
        return construct;
    }

    private static CfnRule.TargetProperty Target(ModelRule rule, RuleTarget target, string id, IRule bound, MappingContext context)
    {
        IRuleTarget destination = context.Get<object>(target.ResourceName, rule) switch
        {
            MappedFunction function => new LambdaFunction(function.Function),
            MappedQueue queue => new SqsQueue(queue.Queue),
            MappedTopic topic => new SnsTopic(topic.Topic),
            var other => throw new NotSupportedException(
                $"Rule {rule.Name}: {target.ResourceName} ({other.GetType().Name}) cannot be a target; target a function, a queue or a topic."),
        };
        // Made without options, these targets configure an ARN alone (and a role where a target needs one).
        var config = destination.Bind(bound, id);
        return new CfnRule.TargetProperty
        {
            Id = id,
            Arn = config.Arn,
            RoleArn = config.Role?.RoleArn,
            InputTransformer = target.InputTransformer is { } transformer
                ? new CfnRule.InputTransformerProperty
                {
                    InputPathsMap = new Dictionary<string, string>(transformer.InputPathsMap, StringComparer.Ordinal),
                    InputTemplate = transformer.InputTemplate,
                }
                : null,
        };
    }
}
