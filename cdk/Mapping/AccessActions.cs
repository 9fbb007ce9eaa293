using Amazon.CDK.AWS.IAM;
using Patterns.Hosting.Model;

namespace Patterns.Cdk.Mapping;

/// <summary>The IAM actions each access level allows on one kind of resource.</summary>
internal sealed record AccessActions(IReadOnlyList<string> Read, IReadOnlyList<string> Write)
{
    public IReadOnlyList<string> For(ResourceAccess access) => access switch
    {
        ResourceAccess.Read => Read,
        ResourceAccess.Write => Write,
        ResourceAccess.ReadWrite => [.. Read, .. Write.Except(Read, StringComparer.Ordinal)],
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Access must be Read, Write or ReadWrite."),
    };

    /// <summary>One statement allowing the level's actions on <paramref name="resources"/>; none when the level has no actions.</summary>
    public IReadOnlyList<PolicyStatement> Statements(ResourceAccess access, params string[] resources)
    {
        var actions = For(access);
        return actions.Count == 0
            ? []
            : [new PolicyStatement(new PolicyStatementProps { Actions = [.. actions], Resources = resources })];
    }
}
