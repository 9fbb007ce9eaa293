using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using ResourceAccess = Patterns.Hosting.Model.ResourceAccess;

namespace Patterns.Cdk.Mapping;

/// <summary>A deployed queue: referencing it gives its URL and message access on its ARN alone.</summary>
internal sealed record MappedQueue(Queue Queue) : IReferenceTarget
{
    // Batch calls need no actions of their own: SendMessageBatch is authorized as sqs:SendMessage,
    // DeleteMessageBatch as sqs:DeleteMessage. A function is given the URL, so it needs no GetQueueUrl.
    private static readonly AccessActions Actions = new(
        Read: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"],
        Write: ["sqs:SendMessage"]);

    public string Identifier => Queue.QueueUrl;

    public IReadOnlyList<PolicyStatement> Grant(ResourceAccess access) => Actions.Statements(access, Queue.QueueArn);
}
