namespace Patterns.AwsClients.Lambda;

/// <summary>An SQS event source's cap on concurrent invocations (2–1000).</summary>
public sealed record ScalingConfig(int? MaximumConcurrency);
