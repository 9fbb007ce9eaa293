namespace Patterns.AwsClients.Lambda;

/// <summary>Invoke's output.</summary>
/// <param name="StatusCode">200 for RequestResponse, 202 for Event, 204 for DryRun.</param>
/// <param name="FunctionError">"Unhandled" when the function failed; <paramref name="Payload"/> then holds the error JSON.</param>
/// <param name="LogResult">The base64 log tail when LogType was Tail.</param>
public sealed record InvokeResponse(int StatusCode, string? FunctionError, string? LogResult, string? ExecutedVersion, byte[] Payload);
