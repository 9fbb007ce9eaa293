using Patterns.AwsClients.Sns;
using Patterns.Hosting.Model;
using Topic = Patterns.Hosting.Model.Topic;

namespace Patterns.Hosting.Local;

/// <summary>
/// Creates a model's topic (CreateTopic returns the existing one), then, once its subscribers
/// exist, lets SNS invoke its function subscribers and subscribes each subscriber that is not
/// subscribed yet, with the model's filter policy and raw delivery.
/// </summary>
internal sealed class TopicProvisioner(SnsClient sns, LambdaGrants grants)
{
    public async Task<ProvisionedTopic> CreateAsync(Topic topic, CancellationToken cancellationToken)
    {
        var created = await sns.CreateTopicAsync(new CreateTopicRequest(topic.Name), cancellationToken).ConfigureAwait(false);
        return new ProvisionedTopic(topic.Name, created.TopicArn);
    }

    /// <param name="subscriberArns">Each subscriber's ARN by resource name.</param>
    /// <param name="functionSubscribers">The names of the subscribers that are functions.</param>
    public async Task SubscribeAsync(Topic topic, ProvisionedTopic provisioned, IReadOnlyDictionary<string, string> subscriberArns, IReadOnlySet<string> functionSubscribers, CancellationToken cancellationToken)
    {
        var existing = await sns.ListAllSubscriptionsByTopicAsync(provisioned.Arn, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(topic.Subscriptions.Select(async subscription =>
        {
            var isFunction = functionSubscribers.Contains(subscription.ResourceName);
            var protocol = isFunction ? "lambda" : "sqs";
            var endpoint = subscriberArns[subscription.ResourceName];
            if (isFunction)
                await grants.GrantInvokeAsync(subscription.ResourceName, "sns.amazonaws.com", provisioned.Arn, cancellationToken).ConfigureAwait(false);

            var attributes = new Dictionary<string, string>();
            if (subscription.FilterPolicy is { } policy)
                attributes["FilterPolicy"] = policy;
            if (subscription.RawMessageDelivery)
                attributes["RawMessageDelivery"] = "true";
            if (existing.FirstOrDefault(s => s.Protocol == protocol && s.Endpoint == endpoint) is { } current)
            {
                // Subscribed by an earlier run: bring its attributes to the model's.
                if (subscription.FilterPolicy is { } filterPolicy)
                    await sns.SetSubscriptionAttributesAsync(new SetSubscriptionAttributesRequest(current.SubscriptionArn, "FilterPolicy", filterPolicy), cancellationToken).ConfigureAwait(false);
                if (!isFunction)
                    await sns.SetSubscriptionAttributesAsync(new SetSubscriptionAttributesRequest(current.SubscriptionArn, "RawMessageDelivery", subscription.RawMessageDelivery ? "true" : "false"), cancellationToken).ConfigureAwait(false);
                return;
            }
            await sns.SubscribeAsync(new SubscribeRequest(provisioned.Arn, protocol) { Endpoint = endpoint, Attributes = attributes.Count == 0 ? null : attributes, ReturnSubscriptionArn = true }, cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }
}
