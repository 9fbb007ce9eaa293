namespace Patterns.Tests.Telemetry;

/// <summary>A timestamp source that moves only when told to, so measured durations are exact.</summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private long timestamp;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Interlocked.Add(ref timestamp, by.Ticks);

    public override long GetTimestamp() => Interlocked.Read(ref timestamp);
}
