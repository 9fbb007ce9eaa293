namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>A queue an event source mapping reads, as moto describes it.</summary>
/// <param name="Url">The queue URL moto answers to (the poller talks to moto directly).</param>
internal sealed record SqsQueue(string Arn, string Name, string Url, bool IsFifo, int VisibilityTimeoutSeconds);
