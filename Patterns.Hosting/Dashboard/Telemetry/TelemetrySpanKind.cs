namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>OTLP's span kinds, numbered as on the wire.</summary>
internal enum TelemetrySpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
