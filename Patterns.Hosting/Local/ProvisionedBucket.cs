namespace Patterns.Hosting.Local;

/// <summary>A bucket as provisioned: its name (what references resolve to) and ARN.</summary>
public sealed record ProvisionedBucket(string Name, string Arn);
