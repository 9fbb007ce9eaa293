using System.Diagnostics;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Triggers.EventBridge.Ingestion;
using Patterns.LocalCloud.Triggers.EventBridge.Rules;
using Patterns.LocalCloud.Telemetry;

namespace Patterns.LocalCloud.Triggers.EventBridge;

/// <summary>
/// EventBridge's spans, after the OpenTelemetry messaging conventions: a PRODUCER span per
/// accepted PutEvents entry (a child of the caller's trace context) and a PRODUCER span per
/// matched target (a child of the entry's span), whose context the target receives. Without
/// telemetry the caller's trace header passes through unchanged, so a function still continues
/// the caller's trace.
/// </summary>
internal sealed class EventBridgeTracing(ActivitySource? source, string region)
{
    public const string MessagingSystem = "aws.eventbridge";

    public Activity? StartEntry(BusEvent busEvent)
    {
        if (source is null)
            return null;
        var span = PlatformSpan.Start(source, $"send {busEvent.Bus.Name}", ActivityKind.Producer, TraceContext.ToActivityContext(busEvent.TraceHeader));
        if (span is null)
            return null;
        span.SetTag("messaging.system", MessagingSystem);
        span.SetTag("messaging.operation.type", "send");
        span.SetTag("messaging.operation.name", "PutEvents");
        span.SetTag("messaging.destination.name", busEvent.Bus.Name);
        span.SetTag("messaging.message.id", busEvent.Id);
        span.SetTag("cloud.region", region);
        span.SetTag("cloud.resource_id", busEvent.Bus.Arn);
        span.SetTag("aws.eventbridge.source", busEvent.Source);
        span.SetTag("aws.eventbridge.detail_type", busEvent.DetailType);
        return span;
    }

    public Activity? StartDelivery(Activity? entry, BusEvent busEvent, EventRule rule, RuleTarget target)
    {
        if (source is null || entry is null)
            return null;
        var span = source.StartActivity($"deliver {rule.Name} {target.Id}", ActivityKind.Producer, entry.Context);
        if (span is null)
            return null;
        span.SetTag("messaging.system", MessagingSystem);
        span.SetTag("messaging.operation.type", "send");
        span.SetTag("messaging.operation.name", "deliver");
        span.SetTag("messaging.destination.name", target.Arn);
        span.SetTag("messaging.message.id", busEvent.Id);
        span.SetTag("cloud.region", region);
        span.SetTag("cloud.resource_id", target.Arn);
        span.SetTag("aws.eventbridge.rule.name", rule.Name);
        span.SetTag("aws.eventbridge.rule.arn", rule.Arn);
        span.SetTag("aws.eventbridge.target.id", target.Id);
        return span;
    }

    /// <summary>The trace context a target receives: the delivery span's, or the producer's when there is no span.</summary>
    public static string? TraceHeaderFor(Activity? delivery, BusEvent busEvent) =>
        delivery is null ? busEvent.TraceHeader : TraceContext.ToXRay(delivery);
}
