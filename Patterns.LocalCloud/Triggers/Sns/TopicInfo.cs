namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>What Publish needs of a topic: its kind, its attributes and its subscriptions.</summary>
internal sealed record TopicInfo(
    string Arn,
    bool IsFifo,
    bool ContentBasedDeduplication,
    string SignatureVersion,
    IReadOnlyList<SnsSubscription> Subscriptions)
{
    public string Name => Arn[(Arn.LastIndexOf(':') + 1)..];
}
