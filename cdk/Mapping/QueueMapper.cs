using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using ModelQueue = Patterns.Hosting.Model.Queue;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model queue → an SQS standard queue with the model's visibility timeout and, when it has
/// one, a redrive policy to its dead-letter queue after maxReceiveCount receives. CloudFormation
/// names it (queue names are unique per account and region, so fixed names would keep two
/// stacks apart); the URL is a stack output and the referencing functions' environment.
/// </summary>
internal sealed class QueueMapper : ResourceMapper<ModelQueue, MappedQueue>
{
    protected override MappedQueue Map(ModelQueue queue, MappingContext context)
    {
        var construct = new Queue(context.Stack, queue.Name, new QueueProps
        {
            VisibilityTimeout = Duration.Seconds(queue.VisibilityTimeout.TotalSeconds),
            DeadLetterQueue = queue.DeadLetterQueue is { } redrive
                ? new DeadLetterQueue { Queue = context.Get<MappedQueue>(redrive.QueueName, queue).Queue, MaxReceiveCount = redrive.MaxReceiveCount }
                : null,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        new CfnOutput(construct, "UrlOutput", new CfnOutputProps
        {
            Value = construct.QueueUrl,
            Description = $"The URL of the {queue.Name} queue",
        }).OverrideLogicalId(OutputIds.For(queue.Name, "QueueUrl"));
        return new MappedQueue(construct);
    }
}
