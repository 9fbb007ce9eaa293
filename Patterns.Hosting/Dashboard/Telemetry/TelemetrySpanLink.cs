using System.Collections.Immutable;

namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>A span's link to another span, e.g. a batch consumer's link to each message's producer.</summary>
internal sealed record TelemetrySpanLink(SpanKey Target, ImmutableArray<TelemetryAttribute> Attributes);
