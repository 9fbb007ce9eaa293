namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>The system clock moved forward by what a test asks, to let TTLs and token lifetimes pass at once.</summary>
internal sealed class ShiftableTimeProvider : TimeProvider
{
    private long _shiftTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));
}
