using System.Collections.Immutable;

namespace Patterns.AwsClients.Sns;

/// <summary>One page of ListSubscriptionsByTopic (up to 100); pass <see cref="NextToken"/> back for the next.</summary>
public sealed record ListSubscriptionsByTopicResponse(ImmutableArray<Subscription> Subscriptions, string? NextToken);
