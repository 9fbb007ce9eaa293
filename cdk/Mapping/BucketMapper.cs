using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Notifications;
using ModelBucket = Patterns.Hosting.Model.Bucket;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// A model bucket → a private S3 bucket (public access blocked, TLS required by its policy, SSE-S3).
/// CloudFormation names it: bucket names are global, so the model's name is the construct id
/// and the real name is a stack output and the referencing functions' environment. It is
/// deleted with the stack when empty; a bucket with objects makes the deletion fail until it is
/// emptied. CDK's AutoDeleteObjects would empty it, but through another custom-resource function
/// whose grants are wildcard S3 actions (s3:DeleteObject*, s3:List*) and a managed policy, and
/// deleting what users uploaded is better done knowingly.
/// Each notification → S3 invoking the function for each of its event types under its key
/// filter; CDK adds the Lambda permission for s3.amazonaws.com from this bucket and account
/// alone, and applies the configuration through its notifications function, made
/// least-privilege by <see cref="BucketNotificationsHandler"/>.
/// </summary>
internal sealed class BucketMapper : ResourceMapper<ModelBucket, MappedBucket>
{
    protected override MappedBucket Map(ModelBucket bucket, MappingContext context)
    {
        var handlerRole = bucket.Notifications.IsEmpty ? null : BucketNotificationsHandler.Role(context.Stack);
        var construct = new Bucket(context.Stack, bucket.Name, new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Encryption = BucketEncryption.S3_MANAGED,
            RemovalPolicy = RemovalPolicy.DESTROY,
            // Without policy updates, CDK adds neither its managed policy nor its "*" statement;
            // its handler still waits for this role and its policy (DependsOn both).
            NotificationsHandlerRole = handlerRole?.WithoutPolicyUpdates(),
        });
        if (handlerRole is not null)
        {
            handlerRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = ["s3:PutBucketNotification"],
                Resources = [construct.BucketArn],
            }));
        }
        new CfnOutput(construct, "NameOutput", new CfnOutputProps
        {
            Value = construct.BucketName,
            Description = $"The name of the {bucket.Name} bucket",
        }).OverrideLogicalId(OutputIds.For(bucket.Name, "BucketName"));
        return new MappedBucket(construct);
    }

    protected override void Connect(ModelBucket bucket, MappedBucket mapped, MappingContext context)
    {
        foreach (var notification in bucket.Notifications)
        {
            var destination = new LambdaDestination(context.Get<MappedFunction>(notification.FunctionName, bucket).Function);
            var filter = new NotificationKeyFilter { Prefix = notification.Prefix, Suffix = notification.Suffix };
            INotificationKeyFilter[] filters = notification.Prefix is null && notification.Suffix is null ? [] : [filter];
            foreach (var eventType in notification.Events)
                mapped.Bucket.AddEventNotification(S3EventTypes.For(bucket.Name, eventType), destination, filters);
        }
        if (!bucket.Notifications.IsEmpty)
            BucketNotificationsHandler.UseSupportedRuntime(context.Stack);
    }
}
