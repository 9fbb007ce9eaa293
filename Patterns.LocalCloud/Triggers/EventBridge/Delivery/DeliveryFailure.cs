namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>
/// A delivery attempt to a target failed. The error code is the one EventBridge puts in a
/// dead-lettered message's ERROR_CODE attribute. Missing permissions and missing targets are not
/// retried (EventBridge sends them to the dead-letter queue at once); throttling, connection and
/// server errors are retried per the target's RetryPolicy.
/// </summary>
internal sealed class DeliveryFailure(string errorCode, string message, bool retryable) : Exception(message)
{
    public const string NoPermissions = "NO_PERMISSIONS";
    public const string NoResource = "NO_RESOURCE";
    public const string Throttling = "THROTTLING";
    public const string ConnectionFailure = "CONNECTION_FAILURE";
    public const string InvalidParameter = "INVALID_PARAMETER";
    public const string InternalError = "INTERNAL_ERROR";

    public string ErrorCode { get; } = errorCode;

    public bool Retryable { get; } = retryable;
}
