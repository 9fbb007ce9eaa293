namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>A runtime sent something that is not an HTTP/1.x request the Runtime API can take.</summary>
/// <param name="StatusCode">The answer it gets before the connection is closed: 400, 413 or 431.</param>
internal sealed class RuntimeApiProtocolException(int statusCode, string errorType, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string ErrorType { get; } = errorType;
}
