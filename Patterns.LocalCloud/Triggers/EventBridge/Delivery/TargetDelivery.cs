using System.Diagnostics;
using Patterns.LocalCloud.Triggers.EventBridge.Ingestion;
using Patterns.LocalCloud.Triggers.EventBridge.Rules;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>One event on its way to one target of a rule that matched it.</summary>
/// <param name="Span">The delivery's span (parent: the event's PutEvents span); null without telemetry.</param>
/// <param name="TraceHeader">The trace context the target receives, in X-Ray form: the delivery span's, or the producer's without telemetry.</param>
internal sealed record TargetDelivery(EventRule Rule, RuleTarget Target, BusEvent Event, Activity? Span, string? TraceHeader);
