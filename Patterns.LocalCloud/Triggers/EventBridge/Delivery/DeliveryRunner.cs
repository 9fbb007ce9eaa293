using System.Diagnostics;
using Patterns.LocalCloud.Triggers.EventBridge.Input;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>
/// Delivers each matched event to its target in the background, as EventBridge does after
/// PutEvents has answered: failures worth retrying are retried with backoff until the target's
/// RetryPolicy runs out (attempts or event age); an event no attempt delivered goes to the
/// target's dead-letter queue, or is named in the log as dropped. Nothing is lost silently.
/// </summary>
internal sealed class DeliveryRunner(ITargetSender sender, IDeadLetterSink deadLetters, RetryBackoff backoff, TimeProvider time, TextWriter? log) : IAsyncDisposable
{
    private readonly BackgroundWork _work = new();

    public void Start(TargetDelivery delivery) => _work.Run(() => RunAsync(delivery));

    /// <summary>
    /// Waits until no delivery is running, including those that deliveries start (an event
    /// forwarded to another bus is delivered again from there).
    /// </summary>
    public Task WhenIdleAsync() => _work.WhenIdleAsync();

    internal async Task RunAsync(TargetDelivery delivery)
    {
        // Calls made for this delivery continue its span, not whatever request started it.
        Activity.Current = delivery.Span;
        var token = _work.Stopping;
        var policy = delivery.Target.RetryPolicy;
        var retries = 0;
        try
        {
            while (true)
            {
                var failure = await AttemptAsync(delivery, token).ConfigureAwait(false);
                if (failure is null)
                    return;
                delivery.Span?.AddEvent(new ActivityEvent("delivery attempt failed", tags: new ActivityTagsCollection
                {
                    ["error.type"] = failure.ErrorCode,
                    ["exception.message"] = failure.Message,
                    ["aws.eventbridge.retry_attempts"] = retries,
                }));
                if (!failure.Retryable)
                {
                    await GiveUpAsync(delivery, failure, retries, null, token).ConfigureAwait(false);
                    return;
                }
                if (retries >= policy.MaximumRetryAttempts)
                {
                    await GiveUpAsync(delivery, failure, retries, "MaximumRetryAttempts", token).ConfigureAwait(false);
                    return;
                }
                var delay = backoff.Delay(retries);
                if (time.GetUtcNow() + delay - delivery.Event.IngestionTime > TimeSpan.FromSeconds(policy.MaximumEventAgeInSeconds))
                {
                    await GiveUpAsync(delivery, failure, retries, "MaximumEventAgeInSeconds", token).ConfigureAwait(false);
                    return;
                }
                await Task.Delay(delay, time, token).ConfigureAwait(false);
                retries++;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            log?.WriteLine(EventBridgeErrors.DeliveryAbandoned(delivery));
            delivery.Span?.SetStatus(ActivityStatusCode.Error, "the local cloud stopped");
        }
        finally
        {
            delivery.Span?.Dispose();
        }
    }

    /// <returns>Null when the target took the event.</returns>
    private async Task<DeliveryFailure?> AttemptAsync(TargetDelivery delivery, CancellationToken token)
    {
        try
        {
            var input = TargetInput.For(delivery.Target, delivery.Rule, delivery.Event);
            await sender.SendAsync(delivery, input, token).ConfigureAwait(false);
            return null;
        }
        catch (DeliveryFailure failure)
        {
            return failure;
        }
        catch (InputPathException exception)
        {
            return new DeliveryFailure(DeliveryFailure.InvalidParameter, $"{delivery.Target.Arn}: {exception.Message}", retryable: false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
        {
            // A fault of the local cloud itself: say all of it, and keep the event as a failed delivery.
            log?.WriteLine(EventBridgeErrors.UnexpectedDeliveryFault(delivery, exception));
            return new DeliveryFailure(DeliveryFailure.InternalError, $"{delivery.Target.Arn}: {exception.GetType().Name}: {exception.Message}", retryable: false);
        }
    }

    private async Task GiveUpAsync(TargetDelivery delivery, DeliveryFailure failure, int retries, string? exhaustedCondition, CancellationToken token)
    {
        delivery.Span?.SetStatus(ActivityStatusCode.Error, $"{failure.ErrorCode}: {failure.Message}");
        delivery.Span?.SetTag("error.type", failure.ErrorCode);
        if (delivery.Target.DeadLetterArn is null)
        {
            log?.WriteLine(EventBridgeErrors.Dropped(delivery, failure, retries));
            return;
        }
        try
        {
            await deadLetters.SendAsync(delivery, failure, retries, exhaustedCondition, token).ConfigureAwait(false);
            delivery.Span?.SetTag("aws.eventbridge.dead_letter_queue", delivery.Target.DeadLetterArn);
        }
        catch (DeliveryFailure deadLetterFailure)
        {
            log?.WriteLine(EventBridgeErrors.DeadLetterFailed(delivery, failure, deadLetterFailure));
        }
    }

    public ValueTask DisposeAsync() => _work.DisposeAsync();
}
