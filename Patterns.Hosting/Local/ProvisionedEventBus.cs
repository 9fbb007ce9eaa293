namespace Patterns.Hosting.Local;

/// <summary>An event bus as provisioned: its name (what references resolve to) and ARN.</summary>
public sealed record ProvisionedEventBus(string Name, string Arn);
