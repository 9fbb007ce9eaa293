using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>StartExecution of a state machine through the edge, the event (or the target's input) as the execution's input.</summary>
internal sealed class StepFunctionsTargetSender(MotoClient edgeLoopback) : ITargetSender
{
    public async Task SendAsync(TargetDelivery delivery, string input, CancellationToken cancellationToken)
    {
        try
        {
            await edgeLoopback.CallJsonAsync("states", "AWSStepFunctions.StartExecution",
                new Dictionary<string, string> { ["stateMachineArn"] = delivery.Target.Arn, ["input"] = input }, cancellationToken, delivery.TraceHeader).ConfigureAwait(false);
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
