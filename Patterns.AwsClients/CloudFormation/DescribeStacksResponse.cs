using System.Collections.Immutable;

namespace Patterns.AwsClients.CloudFormation;

/// <summary>One page of DescribeStacks; pass <see cref="NextToken"/> back for the next.</summary>
public sealed record DescribeStacksResponse(ImmutableArray<Stack> Stacks, string? NextToken);
