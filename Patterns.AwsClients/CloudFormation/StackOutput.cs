namespace Patterns.AwsClients.CloudFormation;

/// <summary>One output of a stack, as DescribeStacks lists it.</summary>
/// <param name="ExportName">Set when the output is exported for other stacks (Fn::ImportValue).</param>
public sealed record StackOutput(string OutputKey, string OutputValue, string? Description = null, string? ExportName = null);
