namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>Hands each delivery to the sender for its target's service, told apart by the target's ARN.</summary>
internal sealed class TargetRouter(IReadOnlyDictionary<string, ITargetSender> byService) : ITargetSender
{
    public Task SendAsync(TargetDelivery delivery, string input, CancellationToken cancellationToken)
    {
        var arn = TargetArn.Parse(delivery.Target.Arn);
        if (arn is null || !byService.TryGetValue(arn.Service, out var sender))
            throw new DeliveryFailure(DeliveryFailure.InvalidParameter, EventBridgeErrors.UnsupportedTarget(delivery.Target.Arn, byService.Keys), retryable: false);
        return sender.SendAsync(delivery, input, cancellationToken);
    }
}
