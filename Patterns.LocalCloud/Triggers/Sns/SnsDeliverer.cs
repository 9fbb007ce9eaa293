using Patterns.LocalCloud.Lambda.Functions;
using System.Diagnostics;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Telemetry;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// Delivers a published message to each subscription of its topic, independently and at the
/// same time (a FIFO topic's messages in order per subscription and message group): Lambda by
/// asynchronous invoke, SQS by SendMessage through the edge, HTTP/S by POST. Each delivery has
/// its span, a child of the Publish span, which the invocation, the SendMessage or the POST
/// continues. A delivery that fails for good goes to the subscription's dead-letter queue, or
/// is named in the local cloud's log.
/// </summary>
internal sealed class SnsDeliverer : IAsyncDisposable
{
    private readonly LambdaService _lambda;
    private readonly MotoClient _edge;
    private readonly SnsEnvelopes _envelopes;
    private readonly SubscriptionConfirmations _confirmations;
    private readonly HttpEndpointSender _http;
    private readonly LocalCloudOptions _options;
    private readonly ActivitySource? _tracing;
    private readonly BackgroundWork _work = new();
    private readonly Dictionary<string, Task> _fifoTails = new(StringComparer.Ordinal);

    public SnsDeliverer(LambdaService lambda, MotoClient edgeLoopback, SnsEnvelopes envelopes, SubscriptionConfirmations confirmations, HttpEndpointSender http, LocalCloudOptions options, ActivitySource? tracing)
    {
        _lambda = lambda;
        _edge = edgeLoopback;
        _envelopes = envelopes;
        _confirmations = confirmations;
        _http = http;
        _options = options;
        _tracing = tracing;
    }

    /// <param name="traceHeader">The Publish span's (or, without telemetry, the publisher's) trace context in X-Ray form.</param>
    public void Dispatch(TopicInfo topic, SnsMessage message, string? traceHeader)
    {
        foreach (var subscription in topic.Subscriptions)
        {
            if (subscription.Protocol is "http" or "https" && !_confirmations.IsConfirmed(subscription.Arn))
                continue; // AWS delivers only to confirmed subscriptions
            if (!PassesFilter(subscription, message))
                continue;
            if (topic.IsFifo)
            {
                lock (_fifoTails)
                {
                    var key = subscription.Arn + "\n" + message.MessageGroupId;
                    var previous = _fifoTails.GetValueOrDefault(key, Task.CompletedTask);
                    var next = previous.ContinueWith(_ => DeliverAsync(topic, subscription, message, traceHeader), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
                    _fifoTails[key] = next;
                    _work.Track(next);
                }
            }
            else
            {
                _work.Run(() => DeliverAsync(topic, subscription, message, traceHeader));
            }
        }
    }

    /// <summary>Sends an HTTP/S subscription its SubscriptionConfirmation (with the token ConfirmSubscription needs).</summary>
    public void SendConfirmation(string topicArn, string subscriptionArn, string endpoint, string token, string signatureVersion)
    {
        _work.Run(async () =>
        {
            var messageId = Guid.NewGuid().ToString();
            var body = _envelopes.SubscriptionConfirmation(messageId, topicArn, token, DateTimeOffset.UtcNow, signatureVersion);
            var headers = new Dictionary<string, string>
            {
                ["x-amz-sns-message-type"] = "SubscriptionConfirmation",
                ["x-amz-sns-message-id"] = messageId,
                ["x-amz-sns-topic-arn"] = topicArn,
            };
            try
            {
                await _http.SendAsync(endpoint, body, headers, _work.Stopping).ConfigureAwait(false);
            }
            catch (SnsDeliveryException exception)
            {
                _options.Log?.WriteLine($"SNS: the SubscriptionConfirmation for {subscriptionArn} could not be delivered: {exception.Message}. The subscription stays pending; subscribe again once {endpoint} answers.");
            }
            catch (OperationCanceledException) when (_work.IsStopping)
            {
                // the local cloud is stopping
            }
        });
    }

    private static bool PassesFilter(SnsSubscription subscription, SnsMessage message)
    {
        if (subscription.FilterPolicy is not { } policy)
            return true;
        return subscription.FilterOnBody
            ? SnsFilterPolicy.MatchesBody(policy, message.MessageFor(subscription.Protocol))
            : SnsFilterPolicy.MatchesAttributes(policy, message.Attributes);
    }

    private async Task DeliverAsync(TopicInfo topic, SnsSubscription subscription, SnsMessage message, string? traceHeader)
    {
        using var span = StartDeliverySpan(topic, subscription, message, traceHeader);
        var deliveryTrace = span is null ? traceHeader : TraceContext.ToXRay(span);
        try
        {
            switch (subscription.Protocol)
            {
                case "lambda":
                    DeliverToLambda(subscription, message, deliveryTrace);
                    break;
                case "sqs":
                    await DeliverToSqsAsync(subscription, message, topic, deliveryTrace).ConfigureAwait(false);
                    break;
                case "http" or "https":
                    await DeliverToHttpAsync(subscription, message, topic, deliveryTrace, span).ConfigureAwait(false);
                    break;
                default:
                    _options.Log?.WriteLine($"SNS: message {message.MessageId} was not delivered to {subscription.Arn}: the local cloud does not deliver to {subscription.Protocol} endpoints.");
                    span?.SetStatus(ActivityStatusCode.Error, $"{subscription.Protocol} is not delivered locally");
                    break;
            }
        }
        catch (SnsDeliveryException exception)
        {
            span?.SetStatus(ActivityStatusCode.Error, exception.Message);
            await DeadLetterAsync(subscription, message, topic, exception.Message, deliveryTrace).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_work.IsStopping)
        {
            _options.Log?.WriteLine($"SNS: delivery of {message.MessageId} to {subscription.Arn} was abandoned: the local cloud stopped.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fault of the local cloud itself: nobody awaits this delivery, so it is reported here.
            span?.SetStatus(ActivityStatusCode.Error, exception.Message);
            _options.Log?.WriteLine($"SNS: delivery of {message.MessageId} to {subscription.Arn} failed inside the local cloud: {exception}");
        }
    }

    private void DeliverToLambda(SnsSubscription subscription, SnsMessage message, string? traceHeader)
    {
        Lambda.Functions.RegisteredFunction function;
        try
        {
            function = _lambda.Registry.Get(subscription.Endpoint);
        }
        catch (AwsServiceException exception)
        {
            throw new SnsDeliveryException($"the function {subscription.Endpoint} does not exist ({exception.Message})");
        }
        if (!ServicePermission.Allows(function, "sns.amazonaws.com", message.TopicArn, _options.AccountId))
        {
            throw new SnsDeliveryException(
                $"SNS is not authorized to invoke {function.Definition.Arn}: its resource policy has no statement allowing sns.amazonaws.com to call lambda:InvokeFunction for {message.TopicArn}. Add one with AddPermission (aws lambda add-permission --principal sns.amazonaws.com --source-arn {message.TopicArn} --action lambda:InvokeFunction).");
        }
        _lambda.Async.Enqueue(new InvocationRequest(subscription.Endpoint, _envelopes.LambdaEvent(message, subscription)) { TraceHeader = traceHeader });
    }

    private async Task DeliverToSqsAsync(SnsSubscription subscription, SnsMessage message, TopicInfo topic, string? traceHeader)
    {
        var body = _envelopes.Body(message, subscription, topic.SignatureVersion);
        try
        {
            await SendToQueueAsync(subscription.Endpoint, body, subscription.RawMessageDelivery ? message.Attributes : [], message, traceHeader).ConfigureAwait(false);
        }
        catch (MotoCallException exception)
        {
            throw new SnsDeliveryException($"SendMessage to {subscription.Endpoint} failed: {exception.Message}", exception);
        }
    }

    private async Task DeliverToHttpAsync(SnsSubscription subscription, SnsMessage message, TopicInfo topic, string? traceHeader, Activity? span)
    {
        var headers = new Dictionary<string, string>
        {
            ["x-amz-sns-message-type"] = "Notification",
            ["x-amz-sns-message-id"] = message.MessageId,
            ["x-amz-sns-topic-arn"] = message.TopicArn,
            ["x-amz-sns-subscription-arn"] = subscription.Arn,
        };
        if (subscription.RawMessageDelivery)
            headers["x-amz-sns-rawdelivery"] = "true";
        if (traceHeader is not null)
            headers["X-Amzn-Trace-Id"] = traceHeader;
        if (span is not null)
            headers["traceparent"] = $"00-{span.TraceId.ToHexString()}-{span.SpanId.ToHexString()}-01";
        await _http.SendAsync(subscription.Endpoint, _envelopes.Body(message, subscription, topic.SignatureVersion), headers, _work.Stopping).ConfigureAwait(false);
    }

    private async Task SendToQueueAsync(string queueArn, string body, IReadOnlyList<MessageAttribute> attributes, SnsMessage message, string? traceHeader)
    {
        if (queueArn.Split(':') is not ["arn", _, "sqs", _, var account, var queueName])
            throw new SnsDeliveryException($"{queueArn} is not an SQS queue ARN");
        var token = _work.Stopping;
        var queueUrl = (await _edge.CallJsonAsync("sqs", "AmazonSQS.GetQueueUrl", new { QueueName = queueName, QueueOwnerAWSAccountId = account }, token, traceHeader).ConfigureAwait(false))?["QueueUrl"]?.GetValue<string>()
            ?? throw new SnsDeliveryException($"GetQueueUrl for {queueArn} answered without a QueueUrl");
        var request = new Dictionary<string, object> { ["QueueUrl"] = queueUrl, ["MessageBody"] = body };
        if (attributes.Count > 0)
        {
            request["MessageAttributes"] = attributes.ToDictionary(
                a => a.Name,
                a => (object)(a.IsBinary
                    ? new Dictionary<string, string> { ["DataType"] = a.DataType, ["BinaryValue"] = a.Value }
                    : new Dictionary<string, string> { ["DataType"] = a.DataType, ["StringValue"] = a.Value }));
        }
        if (queueName.EndsWith(".fifo", StringComparison.Ordinal) && message.MessageGroupId is { } groupId)
        {
            request["MessageGroupId"] = groupId;
            if (message.MessageDeduplicationId is { } deduplicationId)
                request["MessageDeduplicationId"] = deduplicationId;
        }
        if (traceHeader is not null)
            request["MessageSystemAttributes"] = new Dictionary<string, object> { ["AWSTraceHeader"] = new { DataType = "String", StringValue = traceHeader } };
        await _edge.CallJsonAsync("sqs", "AmazonSQS.SendMessage", request, token, traceHeader).ConfigureAwait(false);
    }

    /// <summary>
    /// The subscription's RedrivePolicy queue receives what the endpoint would have received (the
    /// JSON document, or the raw message and its attributes); without one the message is lost, as
    /// in AWS, and the log says so.
    /// </summary>
    private async Task DeadLetterAsync(SnsSubscription subscription, SnsMessage message, TopicInfo topic, string reason, string? traceHeader)
    {
        if (subscription.DeadLetterTargetArn is not { } deadLetterQueue)
        {
            _options.Log?.WriteLine($"SNS: message {message.MessageId} of {topic.Arn} could not be delivered to {subscription.Arn} and was discarded: {reason}. Give the subscription a RedrivePolicy to keep such messages.");
            return;
        }
        var raw = subscription.RawMessageDelivery && subscription.Protocol is "sqs" or "http" or "https";
        var body = _envelopes.Body(message, subscription with { RawMessageDelivery = raw }, topic.SignatureVersion);
        try
        {
            await SendToQueueAsync(deadLetterQueue, body, raw ? message.Attributes : [], message, traceHeader).ConfigureAwait(false);
            _options.Log?.WriteLine($"SNS: message {message.MessageId} could not be delivered to {subscription.Arn} ({reason}); it was sent to the dead-letter queue {deadLetterQueue}.");
        }
        catch (Exception exception) when (exception is MotoCallException or SnsDeliveryException or HttpRequestException)
        {
            _options.Log?.WriteLine($"SNS: message {message.MessageId} could not be delivered to {subscription.Arn} ({reason}), nor to its dead-letter queue {deadLetterQueue} ({exception.Message}); it was discarded.");
        }
    }

    private Activity? StartDeliverySpan(TopicInfo topic, SnsSubscription subscription, SnsMessage message, string? traceHeader)
    {
        if (_tracing is null)
            return null;
        var span = PlatformSpan.Start(_tracing, $"deliver {topic.Name}", ActivityKind.Producer, TraceContext.ToActivityContext(traceHeader));
        span?.SetTag("messaging.system", "aws_sns");
        span?.SetTag("messaging.operation.type", "send");
        span?.SetTag("messaging.operation.name", "deliver");
        span?.SetTag("messaging.destination.name", topic.Name);
        span?.SetTag("messaging.message.id", message.MessageId);
        span?.SetTag("messaging.destination.subscription.name", subscription.Arn);
        span?.SetTag("aws.sns.protocol", subscription.Protocol);
        span?.SetTag("aws.sns.endpoint", subscription.Endpoint);
        span?.SetTag("cloud.resource_id", topic.Arn);
        return span;
    }

    public ValueTask DisposeAsync() => _work.DisposeAsync();
}
