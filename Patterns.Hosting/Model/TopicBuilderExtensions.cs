namespace Patterns.Hosting.Model;

/// <summary>The fluent settings of a topic.</summary>
public static class TopicBuilderExtensions
{
    /// <summary>
    /// Subscribes <paramref name="subscriber"/>: a function (invoked asynchronously with the SNS
    /// event; the deployment grants sns.amazonaws.com the right to invoke it for this topic) or a
    /// queue (given the SNS envelope, or the message itself with <paramref name="rawMessageDelivery"/>).
    /// </summary>
    /// <param name="filterPolicy">An SNS filter policy on message attributes, as JSON; null = every message.</param>
    public static ResourceBuilder<Topic> WithSubscription<T>(this ResourceBuilder<Topic> topic, ResourceBuilder<T> subscriber, string? filterPolicy = null, bool rawMessageDelivery = false)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(subscriber);
        topic.App.SameModel(subscriber, $"Topic {topic.Name}");
        if (subscriber.Resource is not (Function or Queue))
            throw new ArgumentException($"Topic {topic.Name}: a {typeof(T).Name} cannot subscribe here; subscribe a function or a queue.", nameof(subscriber));
        if (rawMessageDelivery && subscriber.Resource is Function)
            throw new ArgumentException($"Topic {topic.Name}: raw message delivery is for queue and HTTP subscribers; a function always gets the SNS event.", nameof(rawMessageDelivery));
        if (filterPolicy is not null)
            ModelRules.FilterPolicy(topic.Name, filterPolicy);
        return topic.Update(t =>
        {
            if (t.Subscriptions.Any(s => s.ResourceName == subscriber.Name))
                throw new ArgumentException($"Topic {topic.Name} already has {subscriber.Name} as a subscriber.", nameof(subscriber));
            return t with { Subscriptions = t.Subscriptions.Add(new TopicSubscription(subscriber.Name) { FilterPolicy = filterPolicy, RawMessageDelivery = rawMessageDelivery }) };
        });
    }
}
