namespace Patterns.AwsClients.EventBridge;

/// <summary>CreateEventBus' input: a custom bus (or, with <see cref="EventSourceName"/>, a partner bus).</summary>
public sealed record CreateEventBusRequest(string Name)
{
    public string? EventSourceName { get; init; }

    public string? Description { get; init; }

    public string? KmsKeyIdentifier { get; init; }

    public DeadLetterConfig? DeadLetterConfig { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }
}
