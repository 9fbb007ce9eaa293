using System.Collections.Immutable;

namespace Patterns.AwsClients.Sns;

/// <summary>One page of ListTopics (up to 100); pass <see cref="NextToken"/> back for the next.</summary>
public sealed record ListTopicsResponse(ImmutableArray<Topic> Topics, string? NextToken);
