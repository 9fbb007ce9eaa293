using Patterns.LocalCloud.Lambda.Functions;
using System.Text;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>
/// Invokes a function asynchronously, as EventBridge does. Like AWS, it needs the function to
/// exist and its resource-based policy to let events.amazonaws.com invoke it for the rule; a
/// function error afterwards is the asynchronous invocation's business (its retries and DLQ).
/// </summary>
internal sealed class LambdaTargetSender(LambdaService lambda, string accountId) : ITargetSender
{
    public Task SendAsync(TargetDelivery delivery, string input, CancellationToken cancellationToken)
    {
        var arn = delivery.Target.Arn;
        Lambda.Functions.RegisteredFunction function;
        try
        {
            function = lambda.Registry.Get(arn);
        }
        catch (AwsServiceException exception) when (exception.StatusCode == 404)
        {
            throw new DeliveryFailure(DeliveryFailure.NoResource, $"{arn}: {exception.Message}", retryable: false);
        }
        if (!ServicePermission.Allows(function, "events.amazonaws.com", delivery.Rule.Arn, accountId))
            throw new DeliveryFailure(DeliveryFailure.NoPermissions, EventBridgeErrors.LambdaPermissionMissing(function.Definition.Name, delivery.Rule.Name, delivery.Rule.Arn), retryable: false);

        lambda.Async.Enqueue(new InvocationRequest(arn, Encoding.UTF8.GetBytes(input)) { TraceHeader = delivery.TraceHeader });
        return Task.CompletedTask;
    }
}
