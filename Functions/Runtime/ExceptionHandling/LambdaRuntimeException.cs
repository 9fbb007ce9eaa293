namespace Functions.Runtime.ExceptionHandling;

/// <summary>
/// A failure the runtime itself reports to Lambda, with one of Lambda's own error types
/// (<c>Runtime.HandlerNotFound</c>, <c>Runtime.UnmarshalError</c>…) instead of an exception's type name.
/// </summary>
internal sealed class LambdaRuntimeException(string errorType, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string ErrorType { get; } = errorType;
}
