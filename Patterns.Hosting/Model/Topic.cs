using System.Collections.Immutable;

namespace Patterns.Hosting.Model;

/// <summary>An SNS standard topic; referencing it gives its ARN.</summary>
public sealed record Topic(string Name) : Resource(Name)
{
    public ImmutableArray<TopicSubscription> Subscriptions { get; init; } = [];
}
