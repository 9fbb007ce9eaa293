namespace Patterns.AwsClients.EventBridge;

/// <summary>The SQS queue (its ARN) that gets events a target could not take after its retries.</summary>
public sealed record DeadLetterConfig(string? Arn);
