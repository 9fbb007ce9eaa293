using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using ResourceAccess = Patterns.Hosting.Model.ResourceAccess;

namespace Patterns.Cdk.Mapping;

/// <summary>A deployed event bus: referencing it gives its name, and putting events on that bus alone.</summary>
/// <param name="Name">The bus's name as CloudFormation resolves it (what rules on it and functions using it are given).</param>
internal sealed record MappedEventBus(EventBus Bus, string Name) : IReferenceTarget
{
    private static readonly AccessActions Actions = new(
        Read: ["events:DescribeEventBus"],
        Write: ["events:PutEvents"]);

    public string Identifier => Name;

    public IReadOnlyList<PolicyStatement> Grant(ResourceAccess access) => Actions.Statements(access, Bus.EventBusArn);
}
