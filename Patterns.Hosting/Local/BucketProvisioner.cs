using Amazon.S3;
using Amazon.S3.Model;
using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>
/// Creates a model's bucket (or keeps the one this account already owns), then, once its
/// functions exist, lets S3 invoke them and puts the bucket's notification configuration.
/// </summary>
internal sealed class BucketProvisioner(IAmazonS3 s3, LambdaGrants grants)
{
    public async Task<ProvisionedBucket> CreateAsync(Bucket bucket, CancellationToken cancellationToken)
    {
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket.Name }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "BucketAlreadyOwnedByYou")
        {
            // Created by an earlier run against the same endpoint.
        }
        return new ProvisionedBucket(bucket.Name, $"arn:aws:s3:::{bucket.Name}");
    }

    /// <param name="functionArns">Each notified function's ARN by name.</param>
    public async Task ConfigureNotificationsAsync(Bucket bucket, ProvisionedBucket provisioned, IReadOnlyDictionary<string, string> functionArns, CancellationToken cancellationToken)
    {
        // S3 checks, when the configuration is put, that it may invoke each function.
        await Task.WhenAll(bucket.Notifications.Select(n => n.FunctionName).Distinct()
            .Select(f => grants.GrantInvokeAsync(f, "s3.amazonaws.com", provisioned.Arn, cancellationToken))).ConfigureAwait(false);
        await s3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = bucket.Name,
            LambdaFunctionConfigurations = [.. bucket.Notifications.Select((n, i) => new LambdaFunctionConfiguration
            {
                Id = $"{n.FunctionName}-{i + 1}",
                FunctionArn = functionArns[n.FunctionName],
                Events = [.. n.Events.Select(e => new EventType(e))],
                Filter = Filter(n),
            })],
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Filter? Filter(BucketNotification notification)
    {
        var rules = new List<FilterRule>();
        if (notification.Prefix is { } prefix)
            rules.Add(new FilterRule("prefix", prefix));
        if (notification.Suffix is { } suffix)
            rules.Add(new FilterRule("suffix", suffix));
        return rules.Count == 0 ? null : new Filter { S3KeyFilter = new S3KeyFilter { FilterRules = rules } };
    }
}
