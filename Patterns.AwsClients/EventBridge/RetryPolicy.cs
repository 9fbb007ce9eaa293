namespace Patterns.AwsClients.EventBridge;

/// <summary>How long EventBridge keeps trying a target: up to 185 retries (the default) within 24 hours (86400 s, the default).</summary>
public sealed record RetryPolicy
{
    /// <summary>0–185.</summary>
    public int? MaximumRetryAttempts { get; init; }

    /// <summary>60–86400 seconds.</summary>
    public int? MaximumEventAgeInSeconds { get; init; }
}
