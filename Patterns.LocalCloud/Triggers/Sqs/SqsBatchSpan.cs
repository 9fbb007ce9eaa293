using System.Diagnostics;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Telemetry;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>
/// The span of one batch an event source mapping hands a function, after OpenTelemetry's messaging
/// conventions: a CONSUMER "process {queue}" span (messaging.operation.type process) with a link to
/// every message's producer context (its AWSTraceHeader). Like Lambda's SQS tracing, it continues the
/// trace of the batch's first message, so a single message's producer and consumer are one trace.
/// </summary>
internal static class SqsBatchSpan
{
    public static Activity? Start(ActivitySource? source, SqsQueue queue, IReadOnlyList<SqsMessage> messages, string region)
    {
        if (source is null || messages.Count == 0)
            return null;
        var producers = messages.Select(m => TraceContext.ToActivityContext(m.TraceHeader)).ToList();
        // Without a producer's context the batch starts its own trace.
        var links = producers.OfType<ActivityContext>().Select(context => new ActivityLink(context)).ToList();
        var span = PlatformSpan.Start(source, $"process {queue.Name}", ActivityKind.Consumer, producers[0], links);
        if (span is null)
            return null;
        span.SetTag("messaging.system", "aws_sqs");
        span.SetTag("messaging.operation.type", "process");
        span.SetTag("messaging.operation.name", "process");
        span.SetTag("messaging.destination.name", queue.Name);
        span.SetTag("messaging.batch.message_count", messages.Count);
        if (messages.Count == 1)
            span.SetTag("messaging.message.id", messages[0].MessageId);
        span.SetTag("cloud.provider", "aws");
        span.SetTag("cloud.region", region);
        span.SetTag("cloud.resource_id", queue.Arn);
        span.SetTag("faas.trigger", "pubsub");
        return span;
    }
}
