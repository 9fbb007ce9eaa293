namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>An attribute as the dashboard shows it: arrays and maps are rendered to text once, on receipt.</summary>
internal sealed record TelemetryAttribute(string Key, string Value);
