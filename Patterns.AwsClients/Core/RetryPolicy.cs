namespace Patterns.AwsClients.Core;

/// <summary>
/// Which failures are worth another attempt (the AWS SDKs' standard retry mode: throttling,
/// transient 5xx, dropped connections) and how long to wait before it (capped exponential
/// backoff with full jitter).
/// </summary>
internal static class RetryPolicy
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
    };

    public static bool IsRetryable(int statusCode, string errorCode) =>
        statusCode is 429 or 500 or 502 or 503 or 504 || ThrottlingCodes.Contains(errorCode) || TransientCodes.Contains(errorCode);

    /// <param name="retry">1 for the first retry.</param>
    public static TimeSpan Delay(int retry, AwsClientOptions options)
    {
        var ceiling = options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, retry - 1);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(ceiling, options.MaxRetryDelay.TotalMilliseconds));
    }
}
