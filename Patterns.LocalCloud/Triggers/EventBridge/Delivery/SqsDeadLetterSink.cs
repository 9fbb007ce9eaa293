using System.Text;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>
/// Sends an undelivered event to the target's DeadLetterConfig queue (SendMessage through the
/// edge), with the message attributes EventBridge adds: RULE_ARN, TARGET_ARN, ERROR_CODE,
/// ERROR_MESSAGE, RETRY_ATTEMPTS and, when retries ran out, EXHAUSTED_RETRY_CONDITION.
/// </summary>
internal sealed class SqsDeadLetterSink(SqsQueueUrls queues, MotoClient edgeLoopback) : IDeadLetterSink
{
    public async Task SendAsync(TargetDelivery delivery, DeliveryFailure failure, int retryAttempts, string? exhaustedRetryCondition, CancellationToken cancellationToken)
    {
        var queueArn = delivery.Target.DeadLetterArn ?? throw new InvalidOperationException("The target has no dead-letter queue.");
        var queueUrl = await queues.ResolveAsync(queueArn, cancellationToken).ConfigureAwait(false);
        var attributes = new Dictionary<string, object>
        {
            ["RULE_ARN"] = Text(delivery.Rule.Arn),
            ["TARGET_ARN"] = Text(delivery.Target.Arn),
            ["ERROR_CODE"] = Text(failure.ErrorCode),
            ["ERROR_MESSAGE"] = Text(failure.Message),
            ["RETRY_ATTEMPTS"] = Text(retryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (exhaustedRetryCondition is not null)
            attributes["EXHAUSTED_RETRY_CONDITION"] = Text(exhaustedRetryCondition);
        try
        {
            await edgeLoopback.CallJsonAsync("sqs", "AmazonSQS.SendMessage", new Dictionary<string, object>
            {
                ["QueueUrl"] = queueUrl,
                ["MessageBody"] = Encoding.UTF8.GetString(delivery.Event.ToJson()),
                ["MessageAttributes"] = attributes,
            }, cancellationToken, delivery.TraceHeader).ConfigureAwait(false);
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

    private static Dictionary<string, string> Text(string value) => new() { ["DataType"] = "String", ["StringValue"] = value };
}
