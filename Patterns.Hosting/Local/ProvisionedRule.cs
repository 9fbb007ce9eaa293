namespace Patterns.Hosting.Local;

/// <summary>A rule as provisioned, with its targets in place.</summary>
public sealed record ProvisionedRule(string Name, string BusName, string Arn);
