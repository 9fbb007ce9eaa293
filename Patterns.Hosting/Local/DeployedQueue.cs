namespace Patterns.Hosting.Local;

/// <summary>A queue as deployed: the model's name and its URL.</summary>
public sealed record DeployedQueue(string Name, string QueueUrl);
