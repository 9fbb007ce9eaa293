using Patterns.LocalCloud.Lambda.Functions;
using System.Collections.Concurrent;
using System.Diagnostics;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Triggers.Sns;
using Patterns.LocalCloud.Telemetry;

namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>
/// Keeps each bucket's notification configuration, checks its destinations as S3 does when it
/// is put (they exist; a function lets s3.amazonaws.com invoke it) and delivers each event to
/// every configuration that wants it, once: Lambda by asynchronous invoke, SQS by SendMessage
/// and SNS by Publish (Subject "Amazon S3 Notification") through the edge. Each delivery has a
/// span, a child of the request that caused the event, which the invocation continues.
/// </summary>
internal sealed class S3NotificationDispatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, BucketNotifications> _buckets = new(StringComparer.Ordinal);
    private readonly LambdaService _lambda;
    private readonly MotoClient _moto;
    private readonly MotoClient _edge;
    private readonly LocalCloudOptions _options;
    private readonly ActivitySource? _tracing;
    private readonly BackgroundWork _work = new();

    public S3NotificationDispatcher(LambdaService lambda, MotoClient moto, MotoClient edgeLoopback, LocalCloudOptions options, ActivitySource? tracing)
    {
        _lambda = lambda;
        _moto = moto;
        _edge = edgeLoopback;
        _options = options;
        _tracing = tracing;
    }

    /// <summary>The bucket owner's id in records (AWS shows a short principal id of the owner's account).</summary>
    public string OwnerId => "A" + _options.AccountId;

    public BucketNotifications Get(string bucket) => _buckets.GetValueOrDefault(bucket, BucketNotifications.Empty);

    public void Set(string bucket, BucketNotifications notifications) => _buckets[bucket] = notifications;

    public void Forget(string bucket) => _buckets.TryRemove(bucket, out _);

    /// <summary>
    /// Throws InvalidArgument "Unable to validate the following destination configurations",
    /// naming every destination that does not exist or (a function) does not allow S3.
    /// </summary>
    public async Task ValidateDestinationsAsync(string bucket, BucketNotifications notifications, CancellationToken cancellationToken)
    {
        var failures = new List<(string Name, string Value)>();
        foreach (var rule in notifications.Rules)
        {
            switch (rule.Target)
            {
                case NotificationTarget.Lambda:
                    if (!LambdaAllows(rule.TargetArn, bucket))
                        failures.Add(($"{rule.TargetArn}, null", $"Not authorized to invoke function [{rule.TargetArn}]"));
                    break;
                case NotificationTarget.Queue:
                    if (await QueueUrlAsync(_moto, rule.TargetArn, null, cancellationToken).ConfigureAwait(false) is null)
                        failures.Add((rule.TargetArn, "The destination queue does not exist"));
                    break;
                case NotificationTarget.Topic:
                    if (!await TopicExistsAsync(rule.TargetArn, cancellationToken).ConfigureAwait(false))
                        failures.Add((rule.TargetArn, "The destination topic does not exist"));
                    break;
            }
        }
        if (failures.Count > 0)
            throw new S3ErrorException(400, "InvalidArgument", "Unable to validate the following destination configurations", failures, numberArguments: true);
    }

    /// <summary>S3 sends s3:TestEvent to each queue and topic of a configuration it accepted.</summary>
    public void SendTestEvents(string bucket, BucketNotifications notifications, string requestId, string hostId)
    {
        var message = S3EventRecords.TestEvent(bucket, requestId, hostId);
        foreach (var rule in notifications.Rules.Where(r => r.Target != NotificationTarget.Lambda).DistinctBy(r => r.TargetArn))
            _work.Run(() => SendAsync(rule, bucket, message, null, $"s3:TestEvent of {bucket}"));
    }

    public void Dispatch(S3ObjectEvent objectEvent)
    {
        foreach (var rule in Get(objectEvent.Bucket).Rules)
        {
            if (rule.WantsEvent(objectEvent.EventName) && rule.WantsKey(objectEvent.Key))
                _work.Run(() => DeliverAsync(rule, objectEvent));
        }
    }

    private async Task DeliverAsync(NotificationRule rule, S3ObjectEvent objectEvent)
    {
        using var span = StartSpan(rule, objectEvent);
        var traceHeader = span is null ? objectEvent.TraceHeader : TraceContext.ToXRay(span);
        var message = S3EventRecords.Message(objectEvent, rule.Id, _options.Region, OwnerId);
        var what = $"{objectEvent.EventName} of s3://{objectEvent.Bucket}/{objectEvent.Key}";
        if (!await SendAsync(rule, objectEvent.Bucket, message, traceHeader, what).ConfigureAwait(false))
            span?.SetStatus(ActivityStatusCode.Error, $"not delivered to {rule.TargetArn}");
    }

    /// <returns>Whether the destination took the message; when not, the log says why.</returns>
    private async Task<bool> SendAsync(NotificationRule rule, string bucket, string message, string? traceHeader, string what)
    {
        var token = _work.Stopping;
        try
        {
            switch (rule.Target)
            {
                case NotificationTarget.Lambda:
                    if (!LambdaAllows(rule.TargetArn, bucket))
                    {
                        _options.Log?.WriteLine($"S3: {what} was not delivered to {rule.TargetArn}: the function does not exist or its resource policy does not allow s3.amazonaws.com to invoke it (aws lambda add-permission --principal s3.amazonaws.com --source-arn arn:aws:s3:::{bucket} --action lambda:InvokeFunction).");
                        return false;
                    }
                    _lambda.Async.Enqueue(new InvocationRequest(rule.TargetArn, System.Text.Encoding.UTF8.GetBytes(message)) { TraceHeader = traceHeader });
                    return true;
                case NotificationTarget.Queue:
                    var queueUrl = await QueueUrlAsync(_edge, rule.TargetArn, traceHeader, token).ConfigureAwait(false);
                    if (queueUrl is null)
                    {
                        _options.Log?.WriteLine($"S3: {what} was not delivered: the queue {rule.TargetArn} does not exist.");
                        return false;
                    }
                    var request = new Dictionary<string, object> { ["QueueUrl"] = queueUrl, ["MessageBody"] = message };
                    if (traceHeader is not null)
                        request["MessageSystemAttributes"] = new Dictionary<string, object> { ["AWSTraceHeader"] = new { DataType = "String", StringValue = traceHeader } };
                    await _edge.CallJsonAsync("sqs", "AmazonSQS.SendMessage", request, token, traceHeader).ConfigureAwait(false);
                    return true;
                case NotificationTarget.Topic:
                    await _edge.CallQueryAsync("sns",
                    [
                        new("Action", "Publish"), new("Version", "2010-03-31"), new("TopicArn", rule.TargetArn),
                        new("Subject", "Amazon S3 Notification"), new("Message", message),
                    ], token, traceHeader).ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }
        catch (Exception exception) when (exception is MotoCallException or HttpRequestException or AwsServiceException)
        {
            _options.Log?.WriteLine($"S3: {what} was not delivered to {rule.TargetArn}: {exception.Message}");
            return false;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _options.Log?.WriteLine($"S3: {what} was not delivered to {rule.TargetArn}: the local cloud stopped.");
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fault of the local cloud itself: nobody awaits this delivery, so it is reported here.
            _options.Log?.WriteLine($"S3: {what} was not delivered to {rule.TargetArn} because of a fault inside the local cloud: {exception}");
            return false;
        }
    }

    private bool LambdaAllows(string functionArn, string bucket)
    {
        try
        {
            var function = _lambda.Registry.Get(functionArn);
            return ServicePermission.Allows(function, "s3.amazonaws.com", $"arn:aws:s3:::{bucket}", _options.AccountId);
        }
        catch (AwsServiceException)
        {
            return false;
        }
    }

    private static async Task<string?> QueueUrlAsync(MotoClient client, string queueArn, string? traceHeader, CancellationToken cancellationToken)
    {
        if (queueArn.Split(':') is not ["arn", _, "sqs", _, var account, var name])
            return null;
        try
        {
            var answer = await client.CallJsonAsync("sqs", "AmazonSQS.GetQueueUrl", new { QueueName = name, QueueOwnerAWSAccountId = account }, cancellationToken, traceHeader).ConfigureAwait(false);
            return answer?["QueueUrl"]?.GetValue<string>();
        }
        catch (MotoCallException exception) when (exception.StatusCode == 400)
        {
            return null;
        }
    }

    private async Task<bool> TopicExistsAsync(string topicArn, CancellationToken cancellationToken)
    {
        try
        {
            await _moto.CallQueryAsync("sns", [new("Action", "GetTopicAttributes"), new("Version", "2010-03-31"), new("TopicArn", topicArn)], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MotoCallException exception) when (exception.StatusCode is 400 or 404)
        {
            return false;
        }
    }

    private Activity? StartSpan(NotificationRule rule, S3ObjectEvent objectEvent)
    {
        if (_tracing is null)
            return null;
        var destination = rule.TargetArn[(rule.TargetArn.LastIndexOf(':') + 1)..];
        var span = PlatformSpan.Start(_tracing, $"notify {destination}", ActivityKind.Producer, TraceContext.ToActivityContext(objectEvent.TraceHeader));
        span?.SetTag("messaging.operation.type", "send");
        span?.SetTag("messaging.operation.name", "notify");
        span?.SetTag("messaging.destination.name", destination);
        span?.SetTag("aws.s3.bucket", objectEvent.Bucket);
        span?.SetTag("aws.s3.key", objectEvent.Key);
        span?.SetTag("aws.s3.event", objectEvent.EventName);
        span?.SetTag("aws.s3.notification.id", rule.Id);
        span?.SetTag("cloud.resource_id", $"arn:aws:s3:::{objectEvent.Bucket}");
        return span;
    }

    public ValueTask DisposeAsync() => _work.DisposeAsync();
}
