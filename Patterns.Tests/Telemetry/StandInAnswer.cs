namespace Patterns.Tests.Telemetry;

/// <summary>What <see cref="OtlpReceiverStandIn"/> does with one request.</summary>
/// <param name="After">The answer is held until this completes.</param>
/// <param name="CloseWithoutAnswer">Closes the connection instead of answering.</param>
/// <param name="CloseAfterAnswer">Closes the connection right after answering, as a server whose keep-alive ran out.</param>
internal sealed record StandInAnswer(
    int Status = 200,
    byte[]? Body = null,
    Task? After = null,
    bool CloseWithoutAnswer = false,
    bool CloseAfterAnswer = false)
{
    public static StandInAnswer Ok { get; } = new();
}
