namespace Patterns.LocalCloud.Edge;

/// <summary>
/// An error a service of ours answers with, in AWS's terms: the HTTP status, the error code
/// (e.g. ResourceNotFoundException) and the message. The service's protocol serializes it.
/// </summary>
internal sealed class AwsServiceException(int statusCode, string errorCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string ErrorCode { get; } = errorCode;
}
