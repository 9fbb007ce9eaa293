namespace Patterns.Hosting.Local;

/// <summary>A user pool as provisioned: its id (what references resolve to) and ARN.</summary>
public sealed record ProvisionedUserPool(string Name, string Id, string Arn);
