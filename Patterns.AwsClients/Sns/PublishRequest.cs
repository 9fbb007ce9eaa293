namespace Patterns.AwsClients.Sns;

/// <summary>
/// Publish's input: one message to a topic (<see cref="TopicArn"/>), a mobile endpoint
/// (<see cref="TargetArn"/>) or a phone number; exactly one of the three.
/// </summary>
/// <param name="Message">The text; with <see cref="MessageStructure"/> "json", a JSON object of one text per protocol with a "default".</param>
public sealed record PublishRequest(string Message)
{
    public string? TopicArn { get; init; }

    public string? TargetArn { get; init; }

    public string? PhoneNumber { get; init; }

    /// <summary>The e-mail subject; also the envelope's "Subject" for sqs and lambda subscribers.</summary>
    public string? Subject { get; init; }

    /// <summary>"json" to send a different message per protocol.</summary>
    public string? MessageStructure { get; init; }

    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }

    /// <summary>Required for FIFO topics: messages of one group are delivered in order.</summary>
    public string? MessageGroupId { get; init; }

    /// <summary>FIFO topics: messages with the same id within 5 minutes are delivered once.</summary>
    public string? MessageDeduplicationId { get; init; }
}
