namespace Patterns.Tests.Telemetry;

/// <summary>One measurement a MeterListener saw: its instrument's name and unit, the value and its faas.trigger.</summary>
internal sealed record RecordedMeasurement(string Instrument, string? Unit, double Value, string? Trigger);
