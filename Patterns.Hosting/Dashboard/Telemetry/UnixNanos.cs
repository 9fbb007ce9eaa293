namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>OTLP's timestamps (nanoseconds since the Unix epoch) as .NET times.</summary>
internal static class UnixNanos
{
    public static TimeSpan ToTimeSpan(ulong nanoseconds) => TimeSpan.FromTicks((long)Math.Min(nanoseconds / 100, long.MaxValue));

    public static DateTimeOffset ToDateTimeOffset(ulong nanoseconds) => DateTimeOffset.UnixEpoch + ToTimeSpan(nanoseconds);

    public static ulong From(DateTimeOffset time) => (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;
}
