namespace Patterns.LocalCloud.Lambda;

/// <param name="Payload">The function's response, or for a function error the error JSON (errorMessage, errorType, stackTrace).</param>
/// <param name="FunctionError">"Unhandled" when the function failed (error, crash or timeout); null on success.</param>
/// <param name="LogTail">The invocation's last 4 KB of log when asked for, else null.</param>
internal sealed record InvocationResult(
    ReadOnlyMemory<byte> Payload,
    string? FunctionError,
    string ExecutedVersion,
    string RequestId,
    string? LogTail);
