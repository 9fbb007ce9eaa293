namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>Makes one delivery attempt to a target; a failed attempt throws <see cref="DeliveryFailure"/>.</summary>
internal interface ITargetSender
{
    /// <param name="input">What the target receives: the event, or what the target's input settings make of it.</param>
    Task SendAsync(TargetDelivery delivery, string input, CancellationToken cancellationToken);
}
