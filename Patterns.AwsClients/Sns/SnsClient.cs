using System.Xml.Linq;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.Sns;

/// <summary>
/// Amazon SNS (query protocol, 2010-03-31): topics, subscriptions and publishing. Errors
/// surface as <see cref="AwsServiceException"/> with SNS's codes, e.g. NotFound (404, no such
/// topic or subscription), InvalidParameter (400), AuthorizationError (403).
/// </summary>
public sealed class SnsClient : IDisposable
{
    private const string Version = "2010-03-31";

    private readonly AwsRequestSender _sender;

    public SnsClient(AwsClientOptions options)
        : this(options, null)
    {
    }

    /// <param name="http">A caller-owned HttpClient (e.g. over a test handler); null = one of our own.</param>
    public SnsClient(AwsClientOptions options, HttpClient? http)
        : this(options, http, TimeProvider.System)
    {
    }

    internal SnsClient(AwsClientOptions options, HttpClient? http, TimeProvider time)
    {
        _sender = AwsRequestSender.For(AwsService.Sns, options, http, time);
    }

    public Uri Endpoint => _sender.Settings.Endpoint;

    public async Task<CreateTopicResponse> CreateTopicAsync(CreateTopicRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Name, nameof(request));
        var result = await SendAsync(
            "CreateTopic",
            [("Name", request.Name), .. AwsQuery.Map("Attributes", request.Attributes), .. SnsQuery.Tags(request.Tags)],
            cancellationToken).ConfigureAwait(false);
        return new CreateTopicResponse(SnsXml.Required(result, "TopicArn"));
    }

    /// <summary>Deletes a topic and its subscriptions; deleting a topic that does not exist succeeds, as in SNS.</summary>
    public async Task DeleteTopicAsync(string topicArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        await SendWithoutResultAsync("DeleteTopic", [("TopicArn", topicArn)], cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="AwsServiceException">NotFound when the topic does not exist.</exception>
    public async Task<GetTopicAttributesResponse> GetTopicAttributesAsync(string topicArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        var result = await SendAsync("GetTopicAttributes", [("TopicArn", topicArn)], cancellationToken).ConfigureAwait(false);
        return new GetTopicAttributesResponse(AwsQuery.Entries(result, "Attributes"));
    }

    public async Task SetTopicAttributesAsync(SetTopicAttributesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.TopicArn, nameof(request));
        await SendWithoutResultAsync(
            "SetTopicAttributes",
            [("TopicArn", request.TopicArn), ("AttributeName", request.AttributeName), ("AttributeValue", request.AttributeValue)],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of the region's topics; pass the previous page's NextToken for the next.</summary>
    public async Task<ListTopicsResponse> ListTopicsAsync(string? nextToken = null, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("ListTopics", [("NextToken", nextToken)], cancellationToken).ConfigureAwait(false);
        return new ListTopicsResponse([.. AwsQuery.Members(result, "Topics").Select(SnsXml.Topic)], SnsXml.NonEmpty(AwsQuery.Value(result, "NextToken")));
    }

    /// <summary>Every topic of the region, following NextToken through all pages.</summary>
    public async Task<IReadOnlyList<Topic>> ListAllTopicsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<Topic>();
        string? nextToken = null;
        do
        {
            var page = await ListTopicsAsync(nextToken, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Topics);
            nextToken = page.NextToken;
        }
        while (nextToken is not null);
        return all;
    }

    public async Task<SubscribeResponse> SubscribeAsync(SubscribeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.TopicArn, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.Protocol, nameof(request));
        var result = await SendAsync(
            "Subscribe",
            [
                ("TopicArn", request.TopicArn),
                ("Protocol", request.Protocol),
                ("Endpoint", request.Endpoint),
                .. AwsQuery.Map("Attributes", request.Attributes),
                ("ReturnSubscriptionArn", AwsQuery.Bool(request.ReturnSubscriptionArn)),
            ],
            cancellationToken).ConfigureAwait(false);
        return new SubscribeResponse(SnsXml.Required(result, "SubscriptionArn"));
    }

    /// <exception cref="AwsServiceException">NotFound when the subscription does not exist.</exception>
    public async Task UnsubscribeAsync(string subscriptionArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionArn);
        await SendWithoutResultAsync("Unsubscribe", [("SubscriptionArn", subscriptionArn)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of a topic's subscriptions; pass the previous page's NextToken for the next.</summary>
    /// <exception cref="AwsServiceException">NotFound when the topic does not exist.</exception>
    public async Task<ListSubscriptionsByTopicResponse> ListSubscriptionsByTopicAsync(string topicArn, string? nextToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        var result = await SendAsync("ListSubscriptionsByTopic", [("TopicArn", topicArn), ("NextToken", nextToken)], cancellationToken).ConfigureAwait(false);
        return new ListSubscriptionsByTopicResponse(
            [.. AwsQuery.Members(result, "Subscriptions").Select(SnsXml.Subscription)],
            SnsXml.NonEmpty(AwsQuery.Value(result, "NextToken")));
    }

    /// <summary>Every subscription of a topic, following NextToken through all pages.</summary>
    public async Task<IReadOnlyList<Subscription>> ListAllSubscriptionsByTopicAsync(string topicArn, CancellationToken cancellationToken = default)
    {
        var all = new List<Subscription>();
        string? nextToken = null;
        do
        {
            var page = await ListSubscriptionsByTopicAsync(topicArn, nextToken, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Subscriptions);
            nextToken = page.NextToken;
        }
        while (nextToken is not null);
        return all;
    }

    /// <exception cref="AwsServiceException">NotFound when the subscription does not exist.</exception>
    public async Task<GetSubscriptionAttributesResponse> GetSubscriptionAttributesAsync(string subscriptionArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionArn);
        var result = await SendAsync("GetSubscriptionAttributes", [("SubscriptionArn", subscriptionArn)], cancellationToken).ConfigureAwait(false);
        return new GetSubscriptionAttributesResponse(AwsQuery.Entries(result, "Attributes"));
    }

    public async Task SetSubscriptionAttributesAsync(SetSubscriptionAttributesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.SubscriptionArn, nameof(request));
        await SendWithoutResultAsync(
            "SetSubscriptionAttributes",
            [("SubscriptionArn", request.SubscriptionArn), ("AttributeName", request.AttributeName), ("AttributeValue", request.AttributeValue)],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TopicArn is null && request.TargetArn is null && request.PhoneNumber is null)
            throw new ArgumentException("Publish needs a destination: set TopicArn (a topic), TargetArn (a mobile endpoint) or PhoneNumber.", nameof(request));
        var result = await SendAsync(
            "Publish",
            [
                ("TopicArn", request.TopicArn),
                ("TargetArn", request.TargetArn),
                ("PhoneNumber", request.PhoneNumber),
                ("Message", request.Message),
                ("Subject", request.Subject),
                ("MessageStructure", request.MessageStructure),
                .. SnsQuery.MessageAttributes("MessageAttributes", request.MessageAttributes),
                ("MessageDeduplicationId", request.MessageDeduplicationId),
                ("MessageGroupId", request.MessageGroupId),
            ],
            cancellationToken,
            PublishSpanTags(request.TopicArn ?? request.TargetArn)).ConfigureAwait(false);
        return new PublishResponse(SnsXml.Required(result, "MessageId"), SnsXml.NonEmpty(AwsQuery.Value(result, "SequenceNumber")));
    }

    /// <summary>
    /// Publishes up to 10 messages in one call. Entries can fail one by one: check
    /// <see cref="PublishBatchResponse.Failed"/>; only a failure of the whole call throws.
    /// </summary>
    public async Task<PublishBatchResponse> PublishBatchAsync(PublishBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.TopicArn, nameof(request));
        if (request.Entries is null || request.Entries.Count == 0)
            throw new ArgumentException("PublishBatch needs at least one entry (and at most 10).", nameof(request));
        var result = await SendAsync("PublishBatch", [("TopicArn", request.TopicArn), .. SnsQuery.BatchEntries(request.Entries)], cancellationToken,
            [.. PublishSpanTags(request.TopicArn), new("messaging.batch.message_count", request.Entries.Count)]).ConfigureAwait(false);
        return new PublishBatchResponse(
            [.. AwsQuery.Members(result, "Successful").Select(SnsXml.Successful)],
            [.. AwsQuery.Members(result, "Failed").Select(SnsXml.Failed)]);
    }

    public void Dispose() => _sender.Dispose();

    // The messaging conventions' producer attributes, so a trace names the topic a span published to.
    private static KeyValuePair<string, object?>[] PublishSpanTags(string? topicArn) =>
    [
        new("aws.sns.topic.arn", topicArn),
        new("messaging.system", "aws_sns"),
        new("messaging.operation.type", "send"),
        new("messaging.destination.name", topicArn?[(topicArn.LastIndexOf(':') + 1)..]),
    ];

    // Operations without output answer <{Action}Response> with only ResponseMetadata in it.
    private async Task SendWithoutResultAsync(string action, IEnumerable<(string Name, string? Value)> parameters, CancellationToken cancellationToken) =>
        await _sender.SendAsync(AwsQuery.Request(action, Version, parameters), cancellationToken).ConfigureAwait(false);

    private async Task<XElement> SendAsync(
        string action, IEnumerable<(string Name, string? Value)> parameters, CancellationToken cancellationToken, IReadOnlyList<KeyValuePair<string, object?>>? spanTags = null)
    {
        var request = AwsQuery.Request(action, Version, parameters) with { SpanTags = spanTags ?? [] };
        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return AwsQuery.Result(response, _sender.Settings, action);
    }
}
