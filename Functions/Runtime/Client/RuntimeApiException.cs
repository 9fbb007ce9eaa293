namespace Functions.Runtime.Client;

/// <summary>
/// The Runtime API cannot be used any more: unreachable, or it answered in a way after which AWS
/// requires a runtime to exit (a 5xx, a broken protocol). The process ends on it.
/// </summary>
internal sealed class RuntimeApiException(string message, Exception? innerException = null)
    : Exception(message, innerException);
