using System.Collections.Concurrent;
using System.Text.Json;
using System.Xml.Linq;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// Topics and their subscriptions as moto stores them, read once and kept until an SNS call
/// that changes them (Subscribe, Unsubscribe, SetSubscriptionAttributes, SetTopicAttributes,
/// DeleteTopic, …) passes through the edge.
/// </summary>
internal sealed class TopicCache(MotoClient moto)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TopicInfo>>> _topics = new(StringComparer.Ordinal);

    /// <summary>The topic with its subscriptions; throws NotFound "Topic does not exist".</summary>
    public async Task<TopicInfo> GetAsync(string topicArn, CancellationToken cancellationToken)
    {
        var entry = _topics.GetOrAdd(topicArn, arn => new Lazy<Task<TopicInfo>>(() => LoadAsync(arn, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _topics.TryRemove(new KeyValuePair<string, Lazy<Task<TopicInfo>>>(topicArn, entry));
            throw;
        }
    }

    public void InvalidateAll() => _topics.Clear();

    private async Task<TopicInfo> LoadAsync(string topicArn, CancellationToken cancellationToken)
    {
        XDocument attributesXml;
        try
        {
            attributesXml = await moto.CallQueryAsync("sns", Parameters("GetTopicAttributes", ("TopicArn", topicArn)), cancellationToken).ConfigureAwait(false);
        }
        catch (MotoCallException exception) when (exception.StatusCode == 404 || exception.IsErrorCode("NotFound"))
        {
            throw SnsErrors.TopicNotFound();
        }
        var attributes = Entries(attributesXml);
        var subscriptions = new List<SnsSubscription>();
        string? nextToken = null;
        do
        {
            var page = await moto.CallQueryAsync("sns",
                nextToken is null
                    ? Parameters("ListSubscriptionsByTopic", ("TopicArn", topicArn))
                    : Parameters("ListSubscriptionsByTopic", ("TopicArn", topicArn), ("NextToken", nextToken)),
                cancellationToken).ConfigureAwait(false);
            foreach (var member in page.Descendants(SnsXml.Namespace + "member"))
            {
                var arn = member.Element(SnsXml.Namespace + "SubscriptionArn")?.Value;
                if (arn is not null)
                    subscriptions.Add(await LoadSubscriptionAsync(arn, cancellationToken).ConfigureAwait(false));
            }
            nextToken = page.Descendants(SnsXml.Namespace + "NextToken").FirstOrDefault()?.Value is { Length: > 0 } token ? token : null;
        }
        while (nextToken is not null);

        return new TopicInfo(
            topicArn,
            IsTrue(attributes.GetValueOrDefault("FifoTopic")),
            IsTrue(attributes.GetValueOrDefault("ContentBasedDeduplication")),
            attributes.GetValueOrDefault("SignatureVersion") is { Length: > 0 } version ? version : "1",
            subscriptions);
    }

    private async Task<SnsSubscription> LoadSubscriptionAsync(string subscriptionArn, CancellationToken cancellationToken)
    {
        var xml = await moto.CallQueryAsync("sns", Parameters("GetSubscriptionAttributes", ("SubscriptionArn", subscriptionArn)), cancellationToken).ConfigureAwait(false);
        var attributes = Entries(xml);
        JsonElement? filterPolicy = null;
        if (attributes.GetValueOrDefault("FilterPolicy") is { Length: > 0 } policy)
        {
            using var document = JsonDocument.Parse(policy);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.EnumerateObject().Any())
                filterPolicy = document.RootElement.Clone();
        }
        string? deadLetterTarget = null;
        if (attributes.GetValueOrDefault("RedrivePolicy") is { Length: > 0 } redrive)
        {
            using var document = JsonDocument.Parse(redrive);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("deadLetterTargetArn", out var target))
                deadLetterTarget = target.GetString();
        }
        return new SnsSubscription(
            subscriptionArn,
            attributes.GetValueOrDefault("TopicArn") ?? "",
            attributes.GetValueOrDefault("Protocol") ?? "",
            attributes.GetValueOrDefault("Endpoint") ?? "",
            IsTrue(attributes.GetValueOrDefault("RawMessageDelivery")),
            filterPolicy,
            attributes.GetValueOrDefault("FilterPolicyScope") == "MessageBody",
            deadLetterTarget);
    }

    private static Dictionary<string, string> Entries(XDocument xml) =>
        xml.Descendants(SnsXml.Namespace + "entry")
            .Select(e => (Key: e.Element(SnsXml.Namespace + "key")?.Value, Value: e.Element(SnsXml.Namespace + "value")?.Value ?? ""))
            .Where(e => e.Key is not null)
            .GroupBy(e => e.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<KeyValuePair<string, string>> Parameters(string action, params (string Name, string Value)[] values) =>
        [new("Action", action), new("Version", "2010-03-31"), .. values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))];
}
