namespace Patterns.Hosting.Local;

/// <summary>An event bus as deployed: the model's name and the name CloudFormation gave it.</summary>
public sealed record DeployedEventBus(string Name, string EventBusName);
