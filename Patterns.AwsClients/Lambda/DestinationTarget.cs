namespace Patterns.AwsClients.Lambda;

/// <summary>Where a record goes on success or failure: an SQS queue, SNS topic, S3 bucket, function or event bus ARN.</summary>
public sealed record DestinationTarget(string? Destination);
