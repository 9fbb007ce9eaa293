namespace Patterns.Tests.Telemetry;

/// <summary>
/// Tests that start a function's OpenTelemetry in this process, or measure its meter with nothing
/// listening: a MeterProvider listens to a meter by name across the whole process, so these must
/// not overlap.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessTelemetryCollection
{
    public const string Name = "In-process function telemetry";
}
