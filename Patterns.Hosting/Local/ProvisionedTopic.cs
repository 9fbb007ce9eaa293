namespace Patterns.Hosting.Local;

/// <summary>A topic as provisioned: its ARN (what references resolve to).</summary>
public sealed record ProvisionedTopic(string Name, string Arn);
