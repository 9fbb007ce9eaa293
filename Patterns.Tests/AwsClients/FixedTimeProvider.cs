namespace Patterns.Tests.AwsClients;

/// <summary>A clock stopped at one instant (timers still run in real time), for reproducible signatures.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
