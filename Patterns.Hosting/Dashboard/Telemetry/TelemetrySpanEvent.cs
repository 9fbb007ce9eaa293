using System.Collections.Immutable;

namespace Patterns.Hosting.Dashboard.Telemetry;

internal sealed record TelemetrySpanEvent(string Name, ulong TimeUnixNano, ImmutableArray<TelemetryAttribute> Attributes);
