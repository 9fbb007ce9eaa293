namespace Patterns.Hosting.Local;

/// <summary>A queue as provisioned: its URL (what references resolve to) and ARN.</summary>
public sealed record ProvisionedQueue(string Name, Uri Url, string Arn);
