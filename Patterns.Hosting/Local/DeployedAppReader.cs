using Patterns.AwsClients.CloudFormation;
using Patterns.AwsClients.Core;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>
/// Reads what each resource of a model is in a deployed stack, from the stack's outputs
/// (the names <see cref="StackOutputNames"/> gives them). Nothing is created or changed.
/// </summary>
internal static class DeployedAppReader
{
    private const string DeployHint = "deploy it first with npx aws-cdk deploy from cdk/";

    // Statuses in which the stack's resources do not (or no longer) match its outputs, with what to do.
    private static readonly Dictionary<string, string> UnusableStatuses = new(StringComparer.Ordinal)
    {
        ["REVIEW_IN_PROGRESS"] = "it has a change set but was never created: execute the change set or " + DeployHint,
        ["CREATE_IN_PROGRESS"] = "it is still being created: wait for the deployment to finish",
        ["CREATE_FAILED"] = "its creation failed: see its events, remove it with npx aws-cdk destroy and deploy again",
        ["ROLLBACK_IN_PROGRESS"] = "its creation failed and is being rolled back: see its events, then remove it with npx aws-cdk destroy and deploy again",
        ["ROLLBACK_FAILED"] = "its creation failed and so did the rollback: see its events, remove it with npx aws-cdk destroy and deploy again",
        ["ROLLBACK_COMPLETE"] = "its creation failed and was rolled back: see its events, remove it with npx aws-cdk destroy and deploy again",
        ["DELETE_IN_PROGRESS"] = "it is being deleted: " + DeployHint + " once it is gone",
        ["DELETE_FAILED"] = "its deletion failed: finish it with npx aws-cdk destroy, then deploy again",
        ["DELETE_COMPLETE"] = "it was deleted: " + DeployHint,
    };

    // Answers that mean the request's keys were refused, not that the stack is wrong.
    private static readonly HashSet<string> CredentialErrors = new(StringComparer.Ordinal)
    {
        "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException", "IncompleteSignature", "MissingAuthenticationToken",
    };

    /// <exception cref="DeployedStackException">The stack is missing, unusable in its status, or lacks an output of the model.</exception>
    public static async Task<DeployedApp> ReadAsync(AppModel model, CloudFormationClient cloudFormation, string stackName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cloudFormation);
        var where = $"in {cloudFormation.Region} (CloudFormation at {cloudFormation.Endpoint})";
        Stack stack;
        try
        {
            stack = await cloudFormation.DescribeStackAsync(stackName, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException exception) when (CloudFormationClient.IsStackMissing(exception))
        {
            throw new DeployedStackException(
                $"The stack '{stackName}' does not exist {where}: {DeployHint} (or name the stack with --stack-name, or set AWS_REGION to the region it is in).",
                exception);
        }
        catch (AwsServiceException exception) when (CredentialErrors.Contains(exception.ErrorCode))
        {
            throw new DeployedStackException(
                $"Reading the stack '{stackName}' {where} was refused: {exception.Message}. The keys come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; a profile is not read, export its keys with: eval \"$(aws configure export-credentials --format env)\".",
                exception);
        }
        catch (AwsServiceException exception)
        {
            throw new DeployedStackException($"Reading the stack '{stackName}' {where} failed: {exception.Message}", exception);
        }

        if (UnusableStatuses.TryGetValue(stack.StackStatus, out var advice))
        {
            var reason = stack.StackStatusReason is { } text ? $" ({text})" : "";
            throw new DeployedStackException($"The stack '{stackName}' {where} is {stack.StackStatus}{reason}: {advice}.");
        }

        var missing = new List<string>();
        string Output(string resourceKind, string resourceName, string outputKey)
        {
            var value = stack.Output(outputKey);
            if (string.IsNullOrEmpty(value))
                missing.Add($"{outputKey} (for {resourceKind} {resourceName})");
            return value ?? "";
        }

        var tables = model.Tables.Select(t => new DeployedTable(t.Name, Output("table", t.Name, StackOutputNames.TableName(t.Name)))).ToList();
        var functions = model.Functions.Select(f => new DeployedFunction(
            f.Name,
            Output("function", f.Name, StackOutputNames.FunctionName(f.Name)),
            Output("function", f.Name, StackOutputNames.LogGroupName(f.Name)))).ToList();
        var apiUrls = model.RestApis.Select(a => (Api: a, Url: Output("REST API", a.Name, StackOutputNames.Url(a.Name)))).ToList();
        var queues = model.Queues.Select(q => new DeployedQueue(q.Name, Output("queue", q.Name, StackOutputNames.QueueUrl(q.Name)))).ToList();
        var topics = model.Topics.Select(t => new DeployedTopic(t.Name, Output("topic", t.Name, StackOutputNames.TopicArn(t.Name)))).ToList();
        var buses = model.EventBuses.Select(b => new DeployedEventBus(b.Name, Output("event bus", b.Name, StackOutputNames.EventBusName(b.Name)))).ToList();
        var buckets = model.Buckets.Select(b => new DeployedBucket(b.Name, Output("bucket", b.Name, StackOutputNames.BucketName(b.Name)))).ToList();
        var pools = model.UserPools.Select(p => new DeployedUserPool(p.Name, Output("user pool", p.Name, StackOutputNames.UserPoolId(p.Name)))).ToList();
        var clients = model.UserPoolClients.Select(c => new DeployedUserPoolClient(c.Name, Output("app client", c.Name, StackOutputNames.ClientId(c.Name)))).ToList();
        if (missing.Count > 0)
        {
            throw new DeployedStackException(
                $"The stack '{stackName}' {where} has no output {string.Join(", ", missing)}: it was deployed from an older model. Redeploy it with npx aws-cdk deploy from cdk/.");
        }

        var apis = apiUrls.Select(a => new DeployedRestApi(a.Api.Name, a.Api.Stage, Url(stackName, StackOutputNames.Url(a.Api.Name), a.Url))).ToList();
        return new DeployedApp(stack.StackName, stack.StackId, stack.StackStatus, cloudFormation.Region, [.. tables], [.. functions], [.. apis])
        {
            Queues = [.. queues],
            Topics = [.. topics],
            EventBuses = [.. buses],
            Buckets = [.. buckets],
            UserPools = [.. pools],
            UserPoolClients = [.. clients],
        };
    }

    private static Uri Url(string stackName, string outputKey, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new DeployedStackException($"The stack '{stackName}' has the output {outputKey} = '{value}', which is not an http(s) URL. Redeploy it with npx aws-cdk deploy from cdk/.");
}
