using Amazon.CDK;
using Amazon.CDK.AWS.IAM;

namespace Patterns.Cdk.Mapping;

/// <summary>
/// The function CDK deploys (one per stack) to apply S3 notification configurations, behind the
/// Custom::S3BucketNotifications resources, made least-privilege and current. CDK's own role for
/// it carries the managed AWSLambdaBasicExecutionRole (logs on every log group) and
/// s3:PutBucketNotification on "*"; this role may put the notification configuration of the
/// app's notifying buckets and nothing else. It has no logs permission: the function reports a
/// failure to CloudFormation, whose stack event gives the reason. And CDK 2.160 writes the
/// function for python3.11, whose creation Lambda has disabled since its deprecation.
/// </summary>
internal static class BucketNotificationsHandler
{
    private const string RoleId = "BucketNotificationsRole";

    // The id CDK gives the handler, a singleton at the stack's root.
    private const string HandlerId = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834";

    private const string Runtime = "python3.13";

    /// <summary>The stack's role for the handler, created on first use.</summary>
    public static Role Role(Stack stack) =>
        stack.Node.TryFindChild(RoleId) as Role
        ?? new Role(stack, RoleId, new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "Applies the S3 notification configurations of the app's buckets: s3:PutBucketNotification on those buckets, nothing else.",
        });

    /// <summary>Runs CDK's handler on a supported Python; call once a notification exists (CDK creates the handler with the first).</summary>
    /// <exception cref="InvalidOperationException">CDK named or built its handler otherwise than 2.160 does.</exception>
    public static void UseSupportedRuntime(Stack stack)
    {
        var handler = stack.Node.TryFindChild(HandlerId)?.Node.DefaultChild as CfnResource
            ?? throw new InvalidOperationException(
                $"The stack has no S3 notifications handler {HandlerId} with a CloudFormation resource; the CDK version changed how it builds one. Update {nameof(BucketNotificationsHandler)} for it.");
        handler.AddPropertyOverride("Runtime", Runtime);
    }
}
