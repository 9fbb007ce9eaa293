using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Triggers.EventBridge.Ingestion;
using Patterns.LocalCloud.Triggers.EventBridge.Matching;

namespace Patterns.LocalCloud.Triggers.EventBridge.Rules;

/// <summary>
/// The rules and targets of each bus, read from moto (ListRules and ListTargetsByRule, every
/// page) on first use and kept until an EventBridge control-plane call changes anything. A
/// rule whose pattern EventBridge would refuse is kept but never matches; the log says why.
/// </summary>
/// <param name="pageSize">Rules and targets asked for per page; 100 is the most ListRules allows.</param>
internal sealed class RuleCache(MotoClient moto, TextWriter? log, int pageSize = 100)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BusRules?>>> _buses = new(StringComparer.Ordinal);

    /// <summary>Forgets every bus; the next event reads rules afresh. A load already under way serves only its own callers.</summary>
    public void Invalidate() => _buses.Clear();

    /// <summary>The bus's rules; null when moto has no such bus.</summary>
    public async Task<BusRules?> GetAsync(EventBusReference bus, CancellationToken cancellationToken)
    {
        var entry = _buses.GetOrAdd(bus.Name, _ => new Lazy<Task<BusRules?>>(() => LoadAsync(bus)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MotoCallException or HttpRequestException)
        {
            // A failed read is not remembered: the next event tries again.
            _buses.TryRemove(KeyValuePair.Create(bus.Name, entry));
            throw;
        }
    }

    // Not tied to one caller's cancellation: the load is shared by every event that waits for it.
    private async Task<BusRules?> LoadAsync(EventBusReference bus)
    {
        var rules = new List<EventRule>();
        string? nextToken = null;
        do
        {
            JsonNode? page;
            try
            {
                page = await moto.CallJsonAsync("events", "AWSEvents.ListRules", Paged(new JsonObject { ["EventBusName"] = bus.Name }, nextToken), CancellationToken.None).ConfigureAwait(false);
            }
            catch (MotoCallException exception) when (exception.IsErrorCode("ResourceNotFoundException"))
            {
                return null;
            }
            foreach (var rule in page?["Rules"]?.AsArray() ?? [])
            {
                if (rule is not null)
                    rules.Add(await LoadRuleAsync(bus, rule).ConfigureAwait(false));
            }
            nextToken = page?["NextToken"]?.GetValue<string>();
        }
        while (nextToken is not null);
        return new BusRules(bus, rules);
    }

    private async Task<EventRule> LoadRuleAsync(EventBusReference bus, JsonNode rule)
    {
        var name = rule["Name"]!.GetValue<string>();
        var patternText = rule["EventPattern"]?.GetValue<string>();
        EventPattern? pattern = null;
        if (patternText is not null)
        {
            try
            {
                pattern = EventPattern.Parse(patternText);
            }
            catch (EventPatternException exception)
            {
                log?.WriteLine(EventBridgeErrors.RuleNeverMatches(name, bus.Name, exception.Message));
            }
        }

        var targets = new List<RuleTarget>();
        string? nextToken = null;
        do
        {
            var page = await moto.CallJsonAsync("events", "AWSEvents.ListTargetsByRule",
                Paged(new JsonObject { ["Rule"] = name, ["EventBusName"] = bus.Name }, nextToken), CancellationToken.None).ConfigureAwait(false);
            foreach (var target in page?["Targets"]?.AsArray() ?? [])
            {
                if (target is not null)
                    targets.Add(ReadTarget(target));
            }
            nextToken = page?["NextToken"]?.GetValue<string>();
        }
        while (nextToken is not null);

        return new EventRule(
            name,
            rule["Arn"]?.GetValue<string>() ?? RuleArn(bus, name),
            rule["State"]?.GetValue<string>() ?? "ENABLED",
            patternText,
            rule["ScheduleExpression"]?.GetValue<string>(),
            pattern,
            targets);
    }

    private static RuleTarget ReadTarget(JsonNode target)
    {
        InputTransformer? transformer = null;
        if (target["InputTransformer"] is JsonObject transform)
        {
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in transform["InputPathsMap"]?.AsObject() ?? [])
                paths[key] = value?.GetValue<string>() ?? "";
            transformer = new InputTransformer(paths, transform["InputTemplate"]?.GetValue<string>() ?? "");
        }
        var retry = target["RetryPolicy"];
        return new RuleTarget(
            target["Id"]!.GetValue<string>(),
            target["Arn"]!.GetValue<string>(),
            target["Input"]?.GetValue<string>(),
            target["InputPath"]?.GetValue<string>(),
            transformer,
            new RetryPolicy(
                retry?["MaximumRetryAttempts"]?.GetValue<int>() ?? RetryPolicy.Default.MaximumRetryAttempts,
                retry?["MaximumEventAgeInSeconds"]?.GetValue<int>() ?? RetryPolicy.Default.MaximumEventAgeInSeconds),
            target["DeadLetterConfig"]?["Arn"]?.GetValue<string>(),
            target["SqsParameters"]?["MessageGroupId"]?.GetValue<string>());
    }

    /// <summary>A rule of the default bus is rule/{name}; of another bus, rule/{bus}/{name}.</summary>
    private static string RuleArn(EventBusReference bus, string name)
    {
        var prefix = bus.Arn[..bus.Arn.IndexOf(":event-bus/", StringComparison.Ordinal)];
        return bus.Name == EventBusReference.DefaultName ? $"{prefix}:rule/{name}" : $"{prefix}:rule/{bus.Name}/{name}";
    }

    private JsonObject Paged(JsonObject request, string? nextToken)
    {
        request["Limit"] = pageSize;
        if (nextToken is not null)
            request["NextToken"] = nextToken;
        return request;
    }
}
