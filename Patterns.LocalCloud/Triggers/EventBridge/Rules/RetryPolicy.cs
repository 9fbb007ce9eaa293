namespace Patterns.LocalCloud.Triggers.EventBridge.Rules;

/// <summary>A target's RetryPolicy; AWS's defaults are 185 retries within 24 hours.</summary>
internal sealed record RetryPolicy(int MaximumRetryAttempts, int MaximumEventAgeInSeconds)
{
    public static RetryPolicy Default { get; } = new(185, 86400);
}
