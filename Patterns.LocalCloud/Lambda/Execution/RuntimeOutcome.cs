namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>How an invocation ended inside an instance.</summary>
/// <param name="Payload">The response, or the error JSON for a failure.</param>
/// <param name="IsError">The function failed (it reported an error, crashed, timed out or failed to initialise).</param>
/// <param name="InstanceLost">The instance cannot take another invocation and must be replaced.</param>
internal sealed record RuntimeOutcome(ReadOnlyMemory<byte> Payload, bool IsError, bool InstanceLost)
{
    public static RuntimeOutcome Success(ReadOnlyMemory<byte> payload) => new(payload, false, false);

    public static RuntimeOutcome FunctionError(ReadOnlyMemory<byte> errorJson) => new(errorJson, true, false);

    public static RuntimeOutcome Fatal(string errorType, string errorMessage) =>
        new(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["errorType"] = errorType,
            ["errorMessage"] = errorMessage,
        }), true, true);
}
