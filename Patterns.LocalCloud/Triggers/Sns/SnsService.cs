using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Telemetry;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// SNS on the edge. moto stores topics and subscriptions and answers the control plane; this
/// service takes Publish and PublishBatch entirely (moto would deliver on its own, differently,
/// and never to our Lambda functions) and delivers each message itself. It also keeps HTTP/S
/// subscriptions pending until they are confirmed, as AWS does (moto confirms them at once),
/// and serves the certificate its message signatures verify with.
/// </summary>
internal sealed class SnsService : IEdgeService, IProxyObserver, IAsyncDisposable
{
    private readonly MotoProxy _proxy;
    private readonly TopicCache _topics;
    private readonly SubscriptionConfirmations _confirmations = new();
    private readonly ConcurrentDictionary<string, FifoTopicState> _fifo = new(StringComparer.Ordinal);
    private readonly MessageSigner _signer;
    private readonly HttpClient _endpoints;
    private readonly SnsDeliverer _deliverer;
    private readonly ActivitySource? _tracing;

    public SnsService(MotoProxy proxy, MotoClient moto, MotoClient edgeLoopback, LambdaService lambda, LocalCloudOptions options, int edgePort, ActivitySource? tracing)
    {
        _proxy = proxy;
        _tracing = tracing;
        _topics = new TopicCache(moto);
        var edgeBaseUrl = $"http://127.0.0.1:{edgePort}";
        _signer = new MessageSigner(edgeBaseUrl);
        // AWS gives an HTTP/S endpoint 15 seconds to answer.
        _endpoints = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(15) };
        _deliverer = new SnsDeliverer(lambda, edgeLoopback, new SnsEnvelopes(_signer, edgeBaseUrl), _confirmations,
            new HttpEndpointSender(_endpoints, options.SnsHttpRetryDelays), options, tracing);
    }

    public string ServiceName => "sns";

    public async Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Value == MessageSigner.CertificatePath)
        {
            context.Response.ContentType = "application/x-pem-file";
            await context.Response.WriteAsync(_signer.CertificatePem, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        var parameters = await SnsParameters.ReadAsync(context.Request).ConfigureAwait(false);
        try
        {
            switch (parameters.Action)
            {
                case "Publish":
                    await PublishAsync(context, parameters).ConfigureAwait(false);
                    break;
                case "PublishBatch":
                    await PublishBatchAsync(context, parameters).ConfigureAwait(false);
                    break;
                case "Subscribe":
                    await SubscribeAsync(context, parameters).ConfigureAwait(false);
                    break;
                case "ConfirmSubscription":
                    await ConfirmSubscriptionAsync(context, parameters).ConfigureAwait(false);
                    break;
                case "Unsubscribe":
                    // An UnsubscribeURL is followed with a GET, which the proxy does not report as a change.
                    await _proxy.ForwardAsync(context, ServiceName).ConfigureAwait(false);
                    _topics.InvalidateAll();
                    break;
                case "GetSubscriptionAttributes" or "ListSubscriptions" or "ListSubscriptionsByTopic":
                    await ForwardShowingPendingAsync(context).ConfigureAwait(false);
                    break;
                default:
                    await _proxy.ForwardAsync(context, ServiceName).ConfigureAwait(false);
                    break;
            }
        }
        catch (AwsServiceException error) when (!context.Response.HasStarted)
        {
            await SnsXml.WriteErrorAsync(context, error).ConfigureAwait(false);
        }
    }

    /// <summary>Any SNS call that changed moto's topics or subscriptions makes them be read again.</summary>
    public void OnProxied(ProxiedCall call)
    {
        if (call.Service == ServiceName)
            _topics.InvalidateAll();
    }

    private async Task PublishAsync(HttpContext context, SnsParameters parameters)
    {
        var topicArn = TopicArnOf(parameters);
        var topic = await _topics.GetAsync(topicArn, context.RequestAborted).ConfigureAwait(false);
        var message = PublishReader.Read(parameters, "", null, topic, DateTimeOffset.UtcNow);
        var callerTrace = CallerTrace(context.Request);
        using var span = StartPublishSpan(context.Request, callerTrace, topic, "Publish", 1);
        var accepted = Accept(topic, message, span, callerTrace);
        span?.SetTag("messaging.message.id", accepted.MessageId);
        await SnsXml.WriteResultAsync(context, "Publish",
            SnsXml.Element("MessageId", accepted.MessageId),
            accepted.SequenceNumber is null ? null : SnsXml.Element("SequenceNumber", accepted.SequenceNumber)).ConfigureAwait(false);
    }

    private async Task PublishBatchAsync(HttpContext context, SnsParameters parameters)
    {
        var topicArn = parameters.Get("TopicArn") ?? throw SnsErrors.Required("topicArn");
        ValidateTopicArn(topicArn, "TopicArn");
        var topic = await _topics.GetAsync(topicArn, context.RequestAborted).ConfigureAwait(false);
        const string entries = "PublishBatchRequestEntries.member";
        var indices = parameters.Indices(entries);
        if (indices.Count == 0)
            throw SnsErrors.EmptyBatch();
        if (indices.Count > 10)
            throw SnsErrors.TooManyEntries();
        var ids = indices.Select(i => parameters.Get($"{entries}.{i}.Id") ?? throw SnsErrors.Required($"publishBatchRequestEntries.{i}.member.id")).ToList();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
            throw SnsErrors.BatchIdsNotDistinct();
        foreach (var id in ids)
        {
            if (id.Length > 80)
                throw SnsErrors.InvalidBatchEntryId("is too long", id);
            if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw SnsErrors.InvalidBatchEntryId("contains an impermissible character", id);
        }
        // SNS refuses the whole batch when one entry is malformed, so every entry is read before any is delivered.
        var now = DateTimeOffset.UtcNow;
        var messages = indices.Select((index, position) => PublishReader.Read(parameters, $"{entries}.{index}.", position + 1, topic, now)).ToList();
        if (messages.Sum(m => PublishReader.Size(m.Message, m.Attributes)) > PublishReader.MaximumMessageBytes)
            throw SnsErrors.BatchRequestTooLong();

        var callerTrace = CallerTrace(context.Request);
        using var span = StartPublishSpan(context.Request, callerTrace, topic, "PublishBatch", messages.Count);
        var successful = new List<XElement>();
        for (var i = 0; i < messages.Count; i++)
        {
            var accepted = Accept(topic, messages[i], span, callerTrace);
            successful.Add(SnsXml.Element("member", new object?[]
            {
                SnsXml.Element("Id", ids[i]),
                SnsXml.Element("MessageId", accepted.MessageId),
                accepted.SequenceNumber is null ? null : SnsXml.Element("SequenceNumber", accepted.SequenceNumber),
            }));
        }
        await SnsXml.WriteResultAsync(context, "PublishBatch", SnsXml.Element("Successful", successful), SnsXml.Element("Failed", null)).ConfigureAwait(false);
    }

    /// <summary>Hands the message to delivery, unless a FIFO topic has seen it within its deduplication window.</summary>
    /// <param name="callerTrace">The publisher's trace context, which deliveries continue when there is no Publish span.</param>
    private SnsMessage Accept(TopicInfo topic, SnsMessage message, Activity? span, string? callerTrace)
    {
        if (topic.IsFifo)
        {
            var (accepted, isNew) = _fifo.GetOrAdd(topic.Arn, _ => new FifoTopicState()).Accept(message);
            if (!isNew)
                return accepted;
            message = accepted;
        }
        _deliverer.Dispatch(topic, message, span is null ? callerTrace : TraceContext.ToXRay(span));
        return message;
    }

    private static string TopicArnOf(SnsParameters parameters)
    {
        if (parameters.Get("PhoneNumber") is { } phoneNumber)
            throw SnsErrors.InvalidParameter($"Invalid parameter: PhoneNumber Reason: {phoneNumber} cannot be published to: the local cloud does not send SMS; publish to a topic instead");
        var topicArn = parameters.Get("TopicArn");
        var targetArn = parameters.Get("TargetArn");
        if (topicArn is not null && targetArn is not null)
            throw SnsErrors.InvalidParameter("Invalid parameter: TopicArn or TargetArn Reason: Only one of TopicArn or TargetArn may be specified");
        if (targetArn is not null)
        {
            // A TargetArn names a topic or a mobile platform endpoint; only topics are delivered locally.
            if (targetArn.Split(':') is not ["arn", _, "sns", _, _, var resource] || resource.Contains('/', StringComparison.Ordinal))
                throw SnsErrors.InvalidParameter("Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified");
            return targetArn;
        }
        if (topicArn is null)
            throw SnsErrors.InvalidParameter("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        ValidateTopicArn(topicArn, "TopicArn");
        return topicArn;
    }

    private static void ValidateTopicArn(string arn, string parameter)
    {
        var parts = arn.Split(':');
        if (parts.Length < 6 || parts[0] != "arn")
            throw SnsErrors.InvalidParameter($"Invalid parameter: {parameter} Reason: An ARN must have at least 6 elements, not {parts.Length}");
        if (parts[2] != "sns")
            throw SnsErrors.InvalidParameter($"Invalid parameter: {parameter}");
    }

    /// <summary>
    /// moto stores the subscription (confirmed, as moto confirms all); an HTTP/S one is pending
    /// here until ConfirmSubscription, and its endpoint gets the SubscriptionConfirmation. Like
    /// AWS, Subscribe then answers "pending confirmation" unless ReturnSubscriptionArn is true.
    /// </summary>
    private async Task SubscribeAsync(HttpContext context, SnsParameters parameters)
    {
        var protocol = parameters.Get("Protocol");
        if (protocol is not ("http" or "https"))
        {
            await _proxy.ForwardAsync(context, ServiceName).ConfigureAwait(false);
            return;
        }
        var endpoint = parameters.Get("Endpoint") ?? "";
        if (!endpoint.StartsWith(protocol + "://", StringComparison.OrdinalIgnoreCase))
            throw SnsErrors.InvalidParameter("Invalid parameter: Endpoint must match the specified protocol");
        var response = await MotoResponseCapture.ForwardAsync(_proxy, context, ServiceName).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            await MotoResponseCapture.WriteAsync(context, response.Body).ConfigureAwait(false);
            return;
        }
        var document = XDocument.Parse(Encoding.UTF8.GetString(response.Body));
        var arnElement = document.Descendants(SnsXml.Namespace + "SubscriptionArn").First();
        var subscriptionArn = arnElement.Value;
        if (!_confirmations.IsConfirmed(subscriptionArn))
        {
            var topicArn = parameters.Get("TopicArn")!;
            var topic = await _topics.GetAsync(topicArn, context.RequestAborted).ConfigureAwait(false);
            _deliverer.SendConfirmation(topicArn, subscriptionArn, endpoint, _confirmations.Pend(subscriptionArn), topic.SignatureVersion);
            if (!string.Equals(parameters.Get("ReturnSubscriptionArn"), "true", StringComparison.OrdinalIgnoreCase))
                arnElement.Value = "pending confirmation";
        }
        await MotoResponseCapture.WriteAsync(context, Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting))).ConfigureAwait(false);
    }

    private async Task ConfirmSubscriptionAsync(HttpContext context, SnsParameters parameters)
    {
        var topicArn = parameters.Get("TopicArn") ?? throw SnsErrors.Required("topicArn");
        var token = parameters.Get("Token") ?? throw SnsErrors.Required("token");
        var subscriptionArn = _confirmations.Confirm(token) ?? throw SnsErrors.InvalidParameter("Invalid parameter: Token");
        if (!subscriptionArn.StartsWith(topicArn + ":", StringComparison.Ordinal))
            throw SnsErrors.InvalidParameter("Invalid parameter: Topic");
        _topics.InvalidateAll();
        await SnsXml.WriteResultAsync(context, "ConfirmSubscription", SnsXml.Element("SubscriptionArn", subscriptionArn)).ConfigureAwait(false);
    }

    /// <summary>moto calls every subscription confirmed; a pending one reads as AWS shows it.</summary>
    private async Task ForwardShowingPendingAsync(HttpContext context)
    {
        var response = await MotoResponseCapture.ForwardAsync(_proxy, context, ServiceName).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            await MotoResponseCapture.WriteAsync(context, response.Body).ConfigureAwait(false);
            return;
        }
        var document = XDocument.Parse(Encoding.UTF8.GetString(response.Body));
        foreach (var member in document.Descendants(SnsXml.Namespace + "member"))
        {
            if (member.Element(SnsXml.Namespace + "SubscriptionArn") is { } arn && _confirmations.IsPending(arn.Value))
                arn.Value = "PendingConfirmation";
        }
        var attributes = document.Descendants(SnsXml.Namespace + "entry")
            .ToDictionary(e => e.Element(SnsXml.Namespace + "key")?.Value ?? "", e => e.Element(SnsXml.Namespace + "value"), StringComparer.Ordinal);
        if (attributes.TryGetValue("SubscriptionArn", out var subscriptionArn) && subscriptionArn is not null && _confirmations.IsPending(subscriptionArn.Value))
        {
            if (attributes.GetValueOrDefault("PendingConfirmation") is { } pending)
                pending.Value = "true";
            if (attributes.GetValueOrDefault("ConfirmationWasAuthenticated") is { } authenticated)
                authenticated.Value = "false";
        }
        await MotoResponseCapture.WriteAsync(context, Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting))).ConfigureAwait(false);
    }

    private static string? CallerTrace(HttpRequest request) =>
        TraceContext.FromHeaders(request.Headers["X-Amzn-Trace-Id"].FirstOrDefault(), request.Headers["traceparent"].FirstOrDefault());

    /// <summary>The Publish span: a child of the publisher's traceparent, else of its X-Amzn-Trace-Id; without either it starts a trace.</summary>
    private Activity? StartPublishSpan(HttpRequest request, string? callerTrace, TopicInfo topic, string operation, int messageCount)
    {
        if (_tracing is null)
            return null;
        var parent = TraceContext.FromTraceparent(request.Headers["traceparent"].FirstOrDefault()) ?? TraceContext.ToActivityContext(callerTrace);
        var span = PlatformSpan.Start(_tracing, $"publish {topic.Name}", ActivityKind.Server, parent);
        span?.SetTag("messaging.system", "aws_sns");
        span?.SetTag("messaging.operation.type", "send");
        span?.SetTag("messaging.operation.name", operation == "Publish" ? "publish" : "publish_batch");
        span?.SetTag("messaging.destination.name", topic.Name);
        if (messageCount > 1)
            span?.SetTag("messaging.batch.message_count", messageCount);
        span?.SetTag("cloud.resource_id", topic.Arn);
        span?.SetTag("rpc.system", "aws-api");
        span?.SetTag("rpc.service", "SNS");
        span?.SetTag("rpc.method", operation);
        return span;
    }

    public async ValueTask DisposeAsync()
    {
        await _deliverer.DisposeAsync().ConfigureAwait(false);
        _endpoints.Dispose();
        _signer.Dispose();
    }
}
