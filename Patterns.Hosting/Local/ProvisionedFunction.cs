namespace Patterns.Hosting.Local;

/// <summary>A function as provisioned: its name and ARN.</summary>
public sealed record ProvisionedFunction(string Name, string Arn);
