namespace Patterns.LocalCloud.Lambda.Functions;

/// <summary>PutFunctionEventInvokeConfig's settings for asynchronous invocation.</summary>
internal sealed record AsyncInvokeConfig(int MaximumRetryAttempts, int MaximumEventAgeInSeconds, DateTimeOffset LastModified)
{
    public static AsyncInvokeConfig Default { get; } = new(2, 21600, DateTimeOffset.UnixEpoch);
}
