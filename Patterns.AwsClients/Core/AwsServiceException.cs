namespace Patterns.AwsClients.Core;

/// <summary>
/// An error an AWS API answered with: the HTTP status, the error code (e.g.
/// ResourceNotFoundException, ConflictException) and the service's message.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string service, string operation, int statusCode, string errorCode, string serviceMessage, string? requestId)
        : base($"{service} {operation} failed with {statusCode} {errorCode}: {serviceMessage}")
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
        RequestId = requestId;
    }

    /// <summary>The signing name of the service, e.g. "lambda".</summary>
    public string Service { get; }

    /// <summary>The API operation, e.g. "CreateFunction".</summary>
    public string Operation { get; }

    public int StatusCode { get; }

    /// <summary>The AWS error code, without the namespace some protocols prefix it with.</summary>
    public string ErrorCode { get; }

    /// <summary>The message as the service wrote it.</summary>
    public string ServiceMessage { get; }

    public string? RequestId { get; }
}
