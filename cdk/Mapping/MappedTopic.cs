using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using ResourceAccess = Patterns.Hosting.Model.ResourceAccess;

namespace Patterns.Cdk.Mapping;

/// <summary>A deployed topic: referencing it gives its ARN, and publishing (or reading its attributes) on that topic alone.</summary>
internal sealed record MappedTopic(Topic Topic) : IReferenceTarget
{
    private static readonly AccessActions Actions = new(
        Read: ["sns:GetTopicAttributes"],
        Write: ["sns:Publish"]);

    public string Identifier => Topic.TopicArn;

    public IReadOnlyList<PolicyStatement> Grant(ResourceAccess access) => Actions.Statements(access, Topic.TopicArn);
}
