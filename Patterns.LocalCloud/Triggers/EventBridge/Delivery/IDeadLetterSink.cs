namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>Where an event goes that no attempt delivered: the target's dead-letter queue.</summary>
internal interface IDeadLetterSink
{
    /// <param name="exhaustedRetryCondition">MaximumRetryAttempts or MaximumEventAgeInSeconds when retries ran out; null when the failure was not retried.</param>
    /// <exception cref="DeliveryFailure">The dead-letter queue could not take the event.</exception>
    Task SendAsync(TargetDelivery delivery, DeliveryFailure failure, int retryAttempts, string? exhaustedRetryCondition, CancellationToken cancellationToken);
}
