using System.Collections.Immutable;

namespace Patterns.AwsClients.CloudFormation;

/// <summary>A stack as DescribeStacks describes it (the members the app reads).</summary>
/// <param name="StackStatus">CREATE_COMPLETE, UPDATE_COMPLETE, ROLLBACK_COMPLETE, UPDATE_IN_PROGRESS, …</param>
public sealed record Stack(string StackName, string StackId, string StackStatus, DateTimeOffset CreationTime)
{
    public string? StackStatusReason { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? LastUpdatedTime { get; init; }

    public ImmutableArray<StackOutput> Outputs { get; init; } = [];

    /// <summary>The value of the output named <paramref name="outputKey"/>; null when the stack has no such output.</summary>
    public string? Output(string outputKey) => Outputs.FirstOrDefault(o => o.OutputKey == outputKey)?.OutputValue;
}
