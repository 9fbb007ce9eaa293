using Amazon.CDK;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using ModelTopic = Patterns.Hosting.Model.Topic;
using TopicSubscription = Patterns.Hosting.Model.TopicSubscription;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model topic → an SNS standard topic (CloudFormation names it; its ARN is a stack output
/// and the referencing functions' environment), and each subscription → an SNS subscription
/// with the model's filter policy on message attributes exactly as written (CDK's typed filters
/// cannot hold every operator of SNS's policy language). For a function, CDK adds the Lambda
/// permission for sns.amazonaws.com from this topic alone; for a queue, the queue policy that
/// lets this topic alone send to it.
/// </summary>
internal sealed class TopicMapper : ResourceMapper<ModelTopic, MappedTopic>
{
    protected override MappedTopic Map(ModelTopic topic, MappingContext context)
    {
        var construct = new Topic(context.Stack, topic.Name);
        new CfnOutput(construct, "ArnOutput", new CfnOutputProps
        {
            Value = construct.TopicArn,
            Description = $"The ARN of the {topic.Name} topic",
        }).OverrideLogicalId(OutputIds.For(topic.Name, "TopicArn"));
        return new MappedTopic(construct);
    }

    protected override void Connect(ModelTopic topic, MappedTopic mapped, MappingContext context)
    {
        foreach (var subscription in topic.Subscriptions)
        {
            var construct = mapped.Topic.AddSubscription(Subscriber(topic, subscription, context));
            if (subscription.FilterPolicy is { } policy)
                ((CfnSubscription)construct.Node.DefaultChild!).AddPropertyOverride("FilterPolicy", PlainJson.Exact(policy));
        }
    }

    private static ITopicSubscription Subscriber(ModelTopic topic, TopicSubscription subscription, MappingContext context) =>
        context.Get<object>(subscription.ResourceName, topic) switch
        {
            MappedFunction function => new LambdaSubscription(function.Function),
            MappedQueue queue => new SqsSubscription(queue.Queue, new SqsSubscriptionProps { RawMessageDelivery = subscription.RawMessageDelivery }),
            var other => throw new NotSupportedException(
                $"Topic {topic.Name}: {subscription.ResourceName} ({other.GetType().Name}) cannot subscribe; subscribe a function or a queue."),
        };
}
