namespace Patterns.AwsClients.Core;

/// <summary>
/// Where and how a client calls its service. Unset values are read from the environment the
/// way AWS SDKs read them: the endpoint from AWS_ENDPOINT_URL_&lt;SERVICE&gt; then
/// AWS_ENDPOINT_URL, the region from AWS_REGION then AWS_DEFAULT_REGION, the keys from
/// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN.
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>The service endpoint, e.g. a local cloud's edge; null = from the environment, else the public AWS endpoint.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>null = AWS_REGION, AWS_DEFAULT_REGION, else us-east-1.</summary>
    public string? Region { get; init; }

    /// <summary>null = <see cref="AwsCredentials.FromEnvironment"/>.</summary>
    public AwsCredentials? Credentials { get; init; }

    /// <summary>Attempts per call, the first included; throttling, 5xx and connection failures are retried.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The backoff before retry n is a random delay up to BaseRetryDelay × 2ⁿ⁻¹, capped at <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Where unset values are read from (a variable's name to its value, null when unset);
    /// null = this process's environment. Lets a caller point one client elsewhere without
    /// changing the process's environment.
    /// </summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>How long one attempt may take; Lambda's Invoke waits for the function, up to 15 minutes.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(16);
}
