namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>A message accepted by Publish or PublishBatch, as every subscription's delivery reads it.</summary>
/// <param name="Message">The message as published; with MessageStructure json, the JSON object of per-protocol messages.</param>
/// <param name="Timestamp">When SNS accepted it: every delivery carries the same time.</param>
internal sealed record SnsMessage(
    string MessageId,
    string TopicArn,
    string Message,
    string? Subject,
    IReadOnlyList<MessageAttribute> Attributes,
    DateTimeOffset Timestamp)
{
    /// <summary>Per-protocol messages (MessageStructure json): protocol → message, always with "default".</summary>
    public IReadOnlyDictionary<string, string>? ByProtocol { get; init; }

    public string? MessageGroupId { get; init; }

    public string? MessageDeduplicationId { get; init; }

    public string? SequenceNumber { get; init; }

    /// <summary>The message a subscription of <paramref name="protocol"/> receives.</summary>
    public string MessageFor(string protocol) =>
        ByProtocol is null ? Message : ByProtocol.TryGetValue(protocol, out var specific) ? specific : ByProtocol["default"];

    public string TimestampText => Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
