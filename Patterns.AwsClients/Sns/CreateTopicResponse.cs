namespace Patterns.AwsClients.Sns;

/// <summary>CreateTopic's output.</summary>
public sealed record CreateTopicResponse(string TopicArn);
