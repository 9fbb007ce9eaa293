using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>A queue's URL from its ARN, asked of moto (configuration is read directly, not through the edge).</summary>
internal sealed class SqsQueueUrls(MotoClient moto)
{
    /// <exception cref="DeliveryFailure">NO_RESOURCE when the queue does not exist.</exception>
    public async Task<string> ResolveAsync(string queueArn, CancellationToken cancellationToken)
    {
        if (TargetArn.Parse(queueArn) is not { Service: "sqs" } arn)
            throw new DeliveryFailure(DeliveryFailure.InvalidParameter, $"{queueArn} is not an SQS queue ARN (arn:aws:sqs:region:account:queue).", retryable: false);
        try
        {
            var answer = await moto.CallJsonAsync("sqs", "AmazonSQS.GetQueueUrl",
                new Dictionary<string, string> { ["QueueName"] = arn.Resource, ["QueueOwnerAWSAccountId"] = arn.Account }, cancellationToken).ConfigureAwait(false);
            return answer?["QueueUrl"]?.GetValue<string>()
                ?? throw new DeliveryFailure(DeliveryFailure.InternalError, $"GetQueueUrl for {queueArn} answered without a QueueUrl.", retryable: true);
        }
        catch (MotoCallException exception)
        {
            throw LoopbackFailures.From(exception, queueArn);
        }
        catch (HttpRequestException exception)
        {
            throw LoopbackFailures.From(exception, queueArn);
        }
    }
}
