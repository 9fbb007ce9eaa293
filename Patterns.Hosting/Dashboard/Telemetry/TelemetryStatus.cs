namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>OTLP's span status codes, numbered as on the wire.</summary>
internal enum TelemetryStatus
{
    Unset = 0,
    Ok = 1,
    Error = 2,
}
