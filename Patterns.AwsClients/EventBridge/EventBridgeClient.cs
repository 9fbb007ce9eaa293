using System.Text.Json.Serialization.Metadata;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.EventBridge;

/// <summary>
/// Amazon EventBridge (JSON 1.1, X-Amz-Target AWSEvents.*, signed for "events"): putting events,
/// buses, rules and their targets. Errors surface as <see cref="AwsServiceException"/>, e.g.
/// ResourceNotFoundException (no such bus or rule), ResourceAlreadyExistsException (a bus
/// name taken), ValidationException, InvalidEventPatternException.
/// </summary>
public sealed class EventBridgeClient : IDisposable
{
    private const string TargetPrefix = "AWSEvents";

    private readonly AwsRequestSender _sender;

    public EventBridgeClient(AwsClientOptions options)
        : this(options, null)
    {
    }

    /// <param name="http">A caller-owned HttpClient (e.g. over a test handler); null = one of our own.</param>
    public EventBridgeClient(AwsClientOptions options, HttpClient? http)
        : this(options, http, TimeProvider.System)
    {
    }

    internal EventBridgeClient(AwsClientOptions options, HttpClient? http, TimeProvider time)
    {
        _sender = AwsRequestSender.For(AwsService.EventBridge, options, http, time);
    }

    public Uri Endpoint => _sender.Settings.Endpoint;

    /// <summary>
    /// Puts 1 to 10 events. Events can fail one by one: check
    /// <see cref="PutEventsResponse.FailedEntryCount"/>; only a failure of the whole call throws.
    /// </summary>
    public Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Entries is null || request.Entries.Count == 0)
            throw new ArgumentException("PutEvents needs at least one entry (and at most 10).", nameof(request));
        var buses = request.Entries.Select(e => e.EventBusName ?? "default").Distinct(StringComparer.Ordinal).ToArray();
        return SendAsync("PutEvents", request, EventBridgeJsonContext.Default.PutEventsRequest, EventBridgeJsonContext.Default.PutEventsResponse, cancellationToken,
        [
            new("messaging.system", "aws.eventbridge"),
            new("messaging.operation.type", "send"),
            new("messaging.destination.name", string.Join(',', buses)),
            new("messaging.batch.message_count", request.Entries.Count),
        ]);
    }

    /// <exception cref="AwsServiceException">ResourceAlreadyExistsException when the name is taken.</exception>
    public Task<CreateEventBusResponse> CreateEventBusAsync(CreateEventBusRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Name, nameof(request));
        return SendAsync("CreateEventBus", request, EventBridgeJsonContext.Default.CreateEventBusRequest, EventBridgeJsonContext.Default.CreateEventBusResponse, cancellationToken);
    }

    /// <param name="name">A bus name or ARN; null = the default bus.</param>
    /// <exception cref="AwsServiceException">ResourceNotFoundException when the bus does not exist.</exception>
    public Task<DescribeEventBusResponse> DescribeEventBusAsync(string? name = null, CancellationToken cancellationToken = default) =>
        SendAsync("DescribeEventBus", new EventBusName(name), EventBridgeJsonContext.Default.EventBusName, EventBridgeJsonContext.Default.DescribeEventBusResponse, cancellationToken);

    /// <summary>Deletes a custom bus; its rules must be deleted first (the default bus cannot be deleted).</summary>
    public Task DeleteEventBusAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return SendAsync("DeleteEventBus", new EventBusName(name), EventBridgeJsonContext.Default.EventBusName, cancellationToken);
    }

    public Task<PutRuleResponse> PutRuleAsync(PutRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Name, nameof(request));
        if (request.EventPattern is null && request.ScheduleExpression is null)
            throw new ArgumentException($"Rule {request.Name} needs an EventPattern, a ScheduleExpression or both.", nameof(request));
        return SendAsync("PutRule", request, EventBridgeJsonContext.Default.PutRuleRequest, EventBridgeJsonContext.Default.PutRuleResponse, cancellationToken);
    }

    /// <param name="eventBusName">The rule's bus (name or ARN); null = the default bus.</param>
    /// <exception cref="AwsServiceException">ResourceNotFoundException when the rule does not exist.</exception>
    public Task<DescribeRuleResponse> DescribeRuleAsync(string name, string? eventBusName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return SendAsync("DescribeRule", new RuleName(name, eventBusName), EventBridgeJsonContext.Default.RuleName, EventBridgeJsonContext.Default.DescribeRuleResponse, cancellationToken);
    }

    /// <summary>Deletes a rule; its targets must be removed first. Deleting a rule that does not exist succeeds, as in EventBridge.</summary>
    /// <param name="force">Also delete a rule another service manages.</param>
    public Task DeleteRuleAsync(string name, string? eventBusName = null, bool? force = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return SendAsync("DeleteRule", new RuleName(name, eventBusName, force), EventBridgeJsonContext.Default.RuleName, cancellationToken);
    }

    /// <summary>One page of a bus's rules; pass the previous page's NextToken for the next.</summary>
    public Task<ListRulesResponse> ListRulesAsync(ListRulesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("ListRules", request, EventBridgeJsonContext.Default.ListRulesRequest, EventBridgeJsonContext.Default.ListRulesResponse, cancellationToken);
    }

    /// <summary>Every rule of a bus (null = the default bus), optionally with a name prefix, following NextToken through all pages.</summary>
    public async Task<IReadOnlyList<Rule>> ListAllRulesAsync(string? eventBusName = null, string? namePrefix = null, CancellationToken cancellationToken = default)
    {
        var all = new List<Rule>();
        var request = new ListRulesRequest { EventBusName = eventBusName, NamePrefix = namePrefix };
        do
        {
            var page = await ListRulesAsync(request, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Rules);
            request = request with { NextToken = page.NextToken };
        }
        while (!string.IsNullOrEmpty(request.NextToken));
        return all;
    }

    /// <summary>
    /// Adds or replaces a rule's targets. Targets can fail one by one: check
    /// <see cref="PutTargetsResponse.FailedEntryCount"/>.
    /// </summary>
    /// <exception cref="AwsServiceException">ResourceNotFoundException when the rule does not exist.</exception>
    public Task<PutTargetsResponse> PutTargetsAsync(PutTargetsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Rule, nameof(request));
        if (request.Targets is null || request.Targets.Count == 0)
            throw new ArgumentException($"PutTargets for rule {request.Rule} needs at least one target.", nameof(request));
        return SendAsync("PutTargets", request, EventBridgeJsonContext.Default.PutTargetsRequest, EventBridgeJsonContext.Default.PutTargetsResponse, cancellationToken);
    }

    /// <summary>One page of a rule's targets; pass the previous page's NextToken for the next.</summary>
    /// <exception cref="AwsServiceException">ResourceNotFoundException when the rule does not exist.</exception>
    public Task<ListTargetsByRuleResponse> ListTargetsByRuleAsync(ListTargetsByRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Rule, nameof(request));
        return SendAsync("ListTargetsByRule", request, EventBridgeJsonContext.Default.ListTargetsByRuleRequest, EventBridgeJsonContext.Default.ListTargetsByRuleResponse, cancellationToken);
    }

    /// <summary>Every target of a rule, following NextToken through all pages.</summary>
    public async Task<IReadOnlyList<Target>> ListAllTargetsByRuleAsync(string rule, string? eventBusName = null, CancellationToken cancellationToken = default)
    {
        var all = new List<Target>();
        var request = new ListTargetsByRuleRequest(rule) { EventBusName = eventBusName };
        do
        {
            var page = await ListTargetsByRuleAsync(request, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Targets);
            request = request with { NextToken = page.NextToken };
        }
        while (!string.IsNullOrEmpty(request.NextToken));
        return all;
    }

    public Task<RemoveTargetsResponse> RemoveTargetsAsync(RemoveTargetsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Rule, nameof(request));
        if (request.Ids is null || request.Ids.Count == 0)
            throw new ArgumentException($"RemoveTargets for rule {request.Rule} needs at least one target id.", nameof(request));
        return SendAsync("RemoveTargets", request, EventBridgeJsonContext.Default.RemoveTargetsRequest, EventBridgeJsonContext.Default.RemoveTargetsResponse, cancellationToken);
    }

    public void Dispose() => _sender.Dispose();

    private async Task<TOut> SendAsync<TIn, TOut>(
        string operation, TIn input, JsonTypeInfo<TIn> inputType, JsonTypeInfo<TOut> outputType, CancellationToken cancellationToken, IReadOnlyList<KeyValuePair<string, object?>>? spanTags = null)
    {
        var request = AwsJson.Request(TargetPrefix, operation, input, inputType) with { SpanTags = spanTags ?? [] };
        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return RestJson.Deserialize(response, outputType, _sender.Settings, operation);
    }

    private async Task SendAsync<TIn>(string operation, TIn input, JsonTypeInfo<TIn> inputType, CancellationToken cancellationToken) =>
        await _sender.SendAsync(AwsJson.Request(TargetPrefix, operation, input, inputType), cancellationToken).ConfigureAwait(false);
}
