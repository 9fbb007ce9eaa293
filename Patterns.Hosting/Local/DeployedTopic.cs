namespace Patterns.Hosting.Local;

/// <summary>A topic as deployed: the model's name and its ARN.</summary>
public sealed record DeployedTopic(string Name, string TopicArn);
