namespace Patterns.AwsClients.Sns;

/// <summary>A topic as ListTopics lists it.</summary>
public sealed record Topic(string TopicArn);
