namespace Patterns.Hosting.Model;

/// <summary>A subscriber of a topic: a function (invoked asynchronously with the SNS event) or a queue.</summary>
public sealed record TopicSubscription(string ResourceName)
{
    /// <summary>An SNS filter policy on the message attributes, as JSON; null = every message.</summary>
    public string? FilterPolicy { get; init; }

    /// <summary>For a queue: deliver the message itself instead of the SNS JSON envelope.</summary>
    public bool RawMessageDelivery { get; init; }
}
