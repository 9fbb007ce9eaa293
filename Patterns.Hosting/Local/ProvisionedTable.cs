namespace Patterns.Hosting.Local;

/// <summary>A table as provisioned: its name (what references resolve to) and ARN.</summary>
public sealed record ProvisionedTable(string Name, string Arn);
