using System.Text.Json;
using System.Text.Json.Nodes;
using Patterns.LocalCloud.Lambda.EventSourceMappings;
using Patterns.LocalCloud.Triggers.EventBridge.Matching;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>
/// An SQS event source mapping's FilterCriteria: EventBridge event patterns, ORed, matched against
/// each message's record as the function would get it. A body that is JSON (an object or array) is
/// matched as JSON, so <c>{"body":{"kind":["order"]}}</c> looks inside it; any other body is
/// matched as the string it is, so <c>{"body":[{"prefix":"order"}]}</c> works on plain text. A
/// pattern whose body format differs from the message's never matches, and the message is dropped,
/// as Lambda drops it.
/// </summary>
internal sealed class SqsRecordFilter
{
    /// <summary>Lambda's default quota of filters per event source mapping.</summary>
    public const int MaxFilters = 5;

    private readonly IReadOnlyList<EventPattern> _patterns;

    private SqsRecordFilter(IReadOnlyList<EventPattern> patterns) => _patterns = patterns;

    /// <summary>The filter of the given patterns; null when there are none (every message passes).</summary>
    /// <exception cref="Edge.AwsServiceException">A pattern is not one Lambda accepts (InvalidParameterValueException).</exception>
    public static SqsRecordFilter? Create(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
            return null;
        if (patterns.Count > MaxFilters)
            throw EventSourceMappingErrors.TooManyFilters(patterns.Count, MaxFilters);
        var compiled = new List<EventPattern>(patterns.Count);
        foreach (var pattern in patterns)
        {
            try
            {
                compiled.Add(EventPattern.Parse(pattern));
            }
            catch (EventPatternException exception)
            {
                throw EventSourceMappingErrors.InvalidFilterPattern(pattern, exception.Reason);
            }
        }
        return new SqsRecordFilter(compiled);
    }

    public bool Matches(SqsMessage message, string queueArn, string region)
    {
        var record = JsonNode.Parse(SqsEvent.Serialize([message], queueArn, region))!["Records"]![0]!.AsObject();
        if (AsJson(message.Body) is { } body)
            record["body"] = body;
        using var document = JsonDocument.Parse(record.ToJsonString());
        return _patterns.Any(p => p.Matches(document.RootElement));
    }

    private static JsonNode? AsJson(string body)
    {
        var start = body.AsSpan().TrimStart();
        if (start.IsEmpty || (start[0] != '{' && start[0] != '['))
            return null;
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null; // not JSON after all: matched as a string
        }
    }
}
