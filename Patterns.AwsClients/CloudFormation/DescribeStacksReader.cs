using System.Globalization;
using System.Xml.Linq;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.CloudFormation;

/// <summary>DescribeStacksResult (Stacks/member, NextToken) from its XML.</summary>
internal static class DescribeStacksReader
{
    public static DescribeStacksResponse Read(XElement result) =>
        new([.. AwsQuery.Members(result, "Stacks").Select(ReadStack)], NonEmpty(AwsQuery.Value(result, "NextToken")));

    private static Stack ReadStack(XElement member) =>
        new(Required(member, "StackName"), Required(member, "StackId"), Required(member, "StackStatus"), Time(Required(member, "CreationTime")))
        {
            StackStatusReason = NonEmpty(AwsQuery.Value(member, "StackStatusReason")),
            Description = NonEmpty(AwsQuery.Value(member, "Description")),
            LastUpdatedTime = NonEmpty(AwsQuery.Value(member, "LastUpdatedTime")) is { } updated ? Time(updated) : null,
            Outputs = [.. AwsQuery.Members(member, "Outputs").Select(ReadOutput)],
        };

    // An output's value may be empty (a template can output ""); its key cannot.
    private static StackOutput ReadOutput(XElement member) =>
        new(Required(member, "OutputKey"), AwsQuery.Value(member, "OutputValue") ?? "", NonEmpty(AwsQuery.Value(member, "Description")), NonEmpty(AwsQuery.Value(member, "ExportName")));

    private static string Required(XElement element, string name) =>
        AwsQuery.Value(element, name) ?? throw new InvalidOperationException($"A DescribeStacks answer lacks {element.Name.LocalName}/{name}, which CloudFormation always sends.");

    private static DateTimeOffset Time(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new InvalidOperationException($"A DescribeStacks answer has the time '{value}', which is not ISO 8601.");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
