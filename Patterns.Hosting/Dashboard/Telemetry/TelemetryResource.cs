using System.Collections.Immutable;

namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>The process that sent a batch: its service.name and every resource attribute it declared.</summary>
internal sealed record TelemetryResource(string ServiceName, ImmutableArray<TelemetryAttribute> Attributes)
{
    /// <summary>What OpenTelemetry SDKs report when no service.name was configured.</summary>
    public const string UnknownService = "unknown_service";

    public string? Attribute(string key) => Attributes.FirstOrDefault(a => a.Key == key)?.Value;
}
