using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>
/// SendMessage to a queue through the edge, with the delivery's trace header as the message's
/// AWSTraceHeader. A FIFO queue needs the target's SqsParameters.MessageGroupId; the event id is
/// the deduplication id.
/// </summary>
internal sealed class SqsTargetSender(SqsQueueUrls queues, MotoClient edgeLoopback) : ITargetSender
{
    public async Task SendAsync(TargetDelivery delivery, string input, CancellationToken cancellationToken)
    {
        var target = delivery.Target;
        var queueUrl = await queues.ResolveAsync(target.Arn, cancellationToken).ConfigureAwait(false);
        var request = new Dictionary<string, object> { ["QueueUrl"] = queueUrl, ["MessageBody"] = input };
        if (target.Arn.EndsWith(".fifo", StringComparison.Ordinal))
        {
            request["MessageGroupId"] = target.SqsMessageGroupId
                ?? throw new DeliveryFailure(DeliveryFailure.InvalidParameter, EventBridgeErrors.FifoGroupMissing(target.Arn, delivery.Rule.Name), retryable: false);
            request["MessageDeduplicationId"] = delivery.Event.Id;
        }
        if (delivery.TraceHeader is not null)
            request["MessageSystemAttributes"] = new Dictionary<string, object> { ["AWSTraceHeader"] = new Dictionary<string, string> { ["DataType"] = "String", ["StringValue"] = delivery.TraceHeader } };
        try
        {
            await edgeLoopback.CallJsonAsync("sqs", "AmazonSQS.SendMessage", request, cancellationToken, delivery.TraceHeader).ConfigureAwait(false);
        }
        catch (MotoCallException exception)
        {
            throw LoopbackFailures.From(exception, target.Arn);
        }
        catch (HttpRequestException exception)
        {
            throw LoopbackFailures.From(exception, target.Arn);
        }
    }
}
