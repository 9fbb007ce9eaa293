using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Triggers.EventBridge.Delivery;
using Patterns.LocalCloud.Triggers.EventBridge.Ingestion;
using Patterns.LocalCloud.Triggers.EventBridge.Matching;
using Patterns.LocalCloud.Triggers.EventBridge.Rules;

namespace Patterns.LocalCloud.Triggers.EventBridge;

/// <summary>
/// The local EventBridge. moto keeps buses, rules and targets and serves the control plane;
/// this service takes PutEvents entirely (moto would deliver to SQS only), matches each event
/// against its bus's rules and delivers it to every target of every matching rule. It also
/// answers TestEventPattern with the same matcher, so a pattern tests as it delivers.
/// </summary>
internal sealed class EventBridgeService : IEdgeService, IProxyObserver, IAsyncDisposable
{
    private readonly MotoProxy _proxy;
    private readonly LocalCloudOptions _options;
    private readonly RuleCache _rules;
    private readonly DeliveryRunner _deliveries;
    private readonly EventBridgeTracing _tracing;

    public EventBridgeService(MotoProxy proxy, MotoClient moto, MotoClient edgeLoopback, LambdaService lambda, LocalCloudOptions options, System.Diagnostics.ActivitySource? tracing)
    {
        _proxy = proxy;
        _options = options;
        _rules = new RuleCache(moto, options.Log);
        _tracing = new EventBridgeTracing(tracing, options.Region);
        var queues = new SqsQueueUrls(moto);
        var senders = new TargetRouter(new Dictionary<string, ITargetSender>(StringComparer.Ordinal)
        {
            ["lambda"] = new LambdaTargetSender(lambda, options.AccountId),
            ["sqs"] = new SqsTargetSender(queues, edgeLoopback),
            ["sns"] = new SnsTargetSender(edgeLoopback),
            ["states"] = new StepFunctionsTargetSender(edgeLoopback),
            ["events"] = new EventBusTargetSender(edgeLoopback),
        });
        _deliveries = new DeliveryRunner(
            senders,
            new SqsDeadLetterSink(queues, edgeLoopback),
            new RetryBackoff(options.EventBridgeRetryBaseDelay, options.EventBridgeRetryMaxDelay),
            TimeProvider.System,
            options.Log);
    }

    public string ServiceName => "events";

    /// <summary>Waits until every delivery started so far has finished (delivered, dead-lettered or dropped).</summary>
    internal Task WhenDeliveriesIdleAsync() => _deliveries.WhenIdleAsync();

    public async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        if (target is not ("AWSEvents.PutEvents" or "AWSEvents.TestEventPattern"))
        {
            await _proxy.ForwardAsync(context, ServiceName).ConfigureAwait(false);
            return;
        }
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        try
        {
            using var body = await ReadBodyAsync(context).ConfigureAwait(false);
            var answer = target == "AWSEvents.PutEvents"
                ? await PutEventsAsync(context, body.RootElement).ConfigureAwait(false)
                : TestEventPattern(body.RootElement);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
        }
        catch (AwsServiceException error) when (!context.Response.HasStarted)
        {
            await EdgeServer.WriteErrorAsync(context, error.StatusCode, error.ErrorCode, error.Message).ConfigureAwait(false);
        }
    }

    /// <summary>Any change to EventBridge's configuration (rules, targets, buses) drops the cached rules.</summary>
    public void OnProxied(ProxiedCall call)
    {
        if (call.Service == ServiceName)
            _rules.Invalidate();
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpContext context)
    {
        MotoProxy.DisableBodySizeLimit(context);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException exception)
        {
            throw EventBridgeErrors.NotJson(exception.Message);
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object)
            return document;
        document.Dispose();
        throw EventBridgeErrors.NotJson("the body must be a JSON object");
    }

    private async Task<byte[]> PutEventsAsync(HttpContext context, JsonElement request)
    {
        if (!request.TryGetProperty("Entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            throw EventBridgeErrors.EntriesMissing();
        var count = entries.GetArrayLength();
        if (count == 0)
            throw EventBridgeErrors.NoEntries();
        if (count > EventBridgeErrors.MaxEntries)
            throw EventBridgeErrors.TooManyEntries(count);
        if (entries.EnumerateArray().Sum(PutEventsValidator.SizeOf) > EventBridgeErrors.MaxRequestSize)
            throw EventBridgeErrors.RequestTooLarge();

        var headers = context.Request.Headers;
        var requestTrace = TraceContext.FromHeaders(headers["X-Amzn-Trace-Id"].FirstOrDefault(), headers["traceparent"].FirstOrDefault());
        var forwardedId = headers[EventBusTargetSender.ForwardedEventIdHeader].FirstOrDefault();

        var results = new List<(string? EventId, EntryError? Error)>();
        foreach (var item in entries.EnumerateArray())
        {
            var (entry, error) = PutEventsValidator.Validate(item);
            results.Add(entry is null ? (null, error) : await IngestAsync(entry, requestTrace, forwardedId, context.RequestAborted).ConfigureAwait(false));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("FailedEntryCount", results.Count(r => r.Error is not null));
            writer.WriteStartArray("Entries");
            foreach (var (eventId, error) in results)
            {
                writer.WriteStartObject();
                if (error is null)
                {
                    writer.WriteString("EventId", eventId);
                }
                else
                {
                    writer.WriteString("ErrorCode", error.Code);
                    writer.WriteString("ErrorMessage", error.Message);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Puts one valid entry on its bus: the event gets its id (a forwarded event keeps the one it
    /// had), its span, and a delivery for every target of every enabled rule it matches.
    /// </summary>
    private async Task<(string? EventId, EntryError? Error)> IngestAsync(PutEventsEntry entry, string? requestTrace, string? forwardedId, CancellationToken cancellationToken)
    {
        var bus = EventBusReference.Parse(entry.EventBusName, _options.Region, _options.AccountId);
        var now = DateTimeOffset.UtcNow;
        var busEvent = new BusEvent(
            forwardedId ?? Guid.NewGuid().ToString(),
            entry.DetailType,
            entry.Source,
            _options.AccountId,
            entry.Time ?? now,
            _options.Region,
            entry.Resources,
            entry.Detail,
            bus,
            now,
            entry.TraceHeader ?? requestTrace,
            ForwardedFromBus: forwardedId is not null);

        using var span = _tracing.StartEntry(busEvent);
        BusRules? rules;
        try
        {
            rules = await _rules.GetAsync(bus, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MotoCallException or HttpRequestException)
        {
            var error = EventBridgeErrors.RulesUnreadable(bus.Name, exception);
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.Message);
            return (null, error);
        }
        if (rules is null)
        {
            _options.Log?.WriteLine(EventBridgeErrors.BusDoesNotExist(bus.Name, busEvent.Id));
            return (busEvent.Id, null);
        }

        using var document = JsonDocument.Parse(busEvent.ToJson());
        var matched = 0;
        foreach (var rule in rules.Rules)
        {
            if (!rule.MatchesEvents || !rule.Pattern!.Matches(document.RootElement))
                continue;
            matched++;
            foreach (var target in rule.Targets)
            {
                var delivery = _tracing.StartDelivery(span, busEvent, rule, target);
                _deliveries.Start(new TargetDelivery(rule, target, busEvent, delivery, EventBridgeTracing.TraceHeaderFor(delivery, busEvent)));
            }
        }
        span?.SetTag("aws.eventbridge.matched_rules", matched);
        return (busEvent.Id, null);
    }

    /// <summary>TestEventPattern: whether the event matches the pattern, by the matcher deliveries use.</summary>
    private static byte[] TestEventPattern(JsonElement request)
    {
        var patternText = request.TryGetProperty("EventPattern", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : null;
        var eventText = request.TryGetProperty("Event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : null;
        if (patternText is null)
            throw EventBridgeErrors.InvalidEventPattern("Event pattern is not valid. Reason: EventPattern is a required argument.");
        if (eventText is null)
            throw EventBridgeErrors.InvalidTestEvent("Event is a required argument.");

        EventPattern pattern;
        try
        {
            pattern = EventPattern.Parse(patternText);
        }
        catch (EventPatternException exception)
        {
            throw EventBridgeErrors.InvalidEventPattern(exception.Message);
        }

        JsonDocument testEvent;
        try
        {
            testEvent = JsonDocument.Parse(eventText);
        }
        catch (JsonException exception)
        {
            throw EventBridgeErrors.InvalidTestEvent($"it is not valid JSON: {exception.Message}");
        }
        using (testEvent)
        {
            if (testEvent.RootElement.ValueKind != JsonValueKind.Object)
                throw EventBridgeErrors.InvalidTestEvent("it must be a JSON object.");
            foreach (var field in (string[])["id", "account", "source", "time", "region", "detail-type"])
            {
                if (!testEvent.RootElement.TryGetProperty(field, out _))
                    throw EventBridgeErrors.InvalidTestEvent($"Provided Event must have mandatory field {field}");
            }
            return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { Result = pattern.Matches(testEvent.RootElement) }));
        }
    }

    public async ValueTask DisposeAsync() => await _deliveries.DisposeAsync().ConfigureAwait(false);
}
