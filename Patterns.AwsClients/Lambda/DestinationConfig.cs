namespace Patterns.AwsClients.Lambda;

/// <summary>
/// Destinations of an asynchronous invocation's outcome (PutFunctionEventInvokeConfig), or of a
/// stream batch that failed (an event source mapping's OnFailure).
/// </summary>
public sealed record DestinationConfig
{
    public DestinationTarget? OnSuccess { get; init; }

    public DestinationTarget? OnFailure { get; init; }
}
