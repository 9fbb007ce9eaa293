namespace Patterns.Hosting.Model;

/// <summary>An SQS standard queue; referencing it gives its URL.</summary>
public sealed record Queue(string Name) : Resource(Name)
{
    public static TimeSpan DefaultVisibilityTimeout { get; } = TimeSpan.FromSeconds(30);

    public TimeSpan VisibilityTimeout { get; init; } = DefaultVisibilityTimeout;

    /// <summary>Where messages go after too many receives; null = they stay until they expire.</summary>
    public DeadLetterQueue? DeadLetterQueue { get; init; }
}
