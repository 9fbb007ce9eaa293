namespace Patterns.AwsClients.EventBridge;

/// <summary>CreateEventBus' output.</summary>
public sealed record CreateEventBusResponse
{
    public string EventBusArn { get; init; } = "";

    public string? Description { get; init; }

    public string? KmsKeyIdentifier { get; init; }

    public DeadLetterConfig? DeadLetterConfig { get; init; }
}
