using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>Publish to a topic through the edge, the event (or the target's input) as the Message.</summary>
internal sealed class SnsTargetSender(MotoClient edgeLoopback) : ITargetSender
{
    public async Task SendAsync(TargetDelivery delivery, string input, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Action", "Publish"),
            new("Version", "2010-03-31"),
            new("TopicArn", delivery.Target.Arn),
            new("Message", input),
        };
        if (delivery.Target.Arn.EndsWith(".fifo", StringComparison.Ordinal))
        {
            parameters.Add(new("MessageGroupId", delivery.Target.SqsMessageGroupId ?? delivery.Rule.Name));
            parameters.Add(new("MessageDeduplicationId", delivery.Event.Id));
        }
        try
        {
            await edgeLoopback.CallQueryAsync("sns", parameters, cancellationToken, delivery.TraceHeader).ConfigureAwait(false);
        }
        catch (MotoCallException exception)
        {
            throw LoopbackFailures.From(exception, delivery.Target.Arn);
        }
        catch (HttpRequestException exception)
        {
            throw LoopbackFailures.From(exception, delivery.Target.Arn);
        }
    }
}
