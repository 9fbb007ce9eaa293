using System.Net;
using System.Text.Json;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Triggers.EventBridge.Ingestion;
using Patterns.LocalCloud.Triggers.EventBridge.Rules;

namespace Patterns.Tests.LocalCloud.Triggers.EventBridge;

/// <summary>PutEvents' validation and answers, entry by entry and for the whole request, and TestEventPattern.</summary>
public sealed class PutEventsTests(EventBridgeFixture fixture) : IClassFixture<EventBridgeFixture>
{
    private static object Entry(string? source = "orders", string? detailType = "OrderPlaced", string? detail = """{"id":1}""", string? bus = null) =>
        new Dictionary<string, object?> { ["Source"] = source, ["DetailType"] = detailType, ["Detail"] = detail, ["EventBusName"] = bus };

    [Fact]
    public async Task Each_entry_is_accepted_or_refused_with_EventBridges_error_in_entry_order()
    {
        var answer = await fixture.EventsOkAsync("PutEvents", new
        {
            Entries = new[]
            {
                Entry(),
                Entry(source: null),
                Entry(detailType: null),
                Entry(detail: null),
                Entry(detail: "{not json"),
                Entry(detail: "[1,2]"),
                Entry(bus: $"arn:aws:events:us-east-1:{EventBridgeFixture.Account}:event-bus/default"),
            },
        });

        Assert.Equal(5, answer.GetProperty("FailedEntryCount").GetInt32());
        var entries = answer.GetProperty("Entries").EnumerateArray().ToList();
        Assert.Equal(7, entries.Count);
        Assert.True(Guid.TryParse(entries[0].GetProperty("EventId").GetString(), out _));
        AssertError(entries[1], "InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
        AssertError(entries[2], "InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        AssertError(entries[3], "InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
        AssertError(entries[4], "MalformedDetail", "Detail is malformed.");
        AssertError(entries[5], "MalformedDetail", "Detail is malformed.");
        Assert.True(Guid.TryParse(entries[6].GetProperty("EventId").GetString(), out _));
        Assert.NotEqual(entries[0].GetProperty("EventId").GetString(), entries[6].GetProperty("EventId").GetString());
    }

    [Fact]
    public async Task More_than_ten_entries_are_refused_as_a_whole()
    {
        var (status, answer) = await fixture.EventsAsync("PutEvents", new { Entries = Enumerable.Range(0, 11).Select(_ => Entry()).ToArray() });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationException", answer.GetProperty("__type").GetString());
        Assert.Contains("Member must have length less than or equal to 10", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, (await fixture.EventsOkAsync("PutEvents", new { Entries = Enumerable.Range(0, 10).Select(_ => Entry()).ToArray() }))
            .GetProperty("Entries").GetArrayLength());
    }

    [Fact]
    public async Task A_request_over_256_KB_by_EventBridges_count_is_refused_and_one_at_the_limit_is_not()
    {
        // Source "orders" (6) + DetailType "OrderPlaced" (11) + Detail {"p":"…"} (8 + padding).
        static string Detail(int total) => JsonSerializer.Serialize(new { p = new string('x', total - 6 - 11 - 8) });

        var (status, answer) = await fixture.EventsAsync("PutEvents", new { Entries = new[] { Entry(detail: Detail(256 * 1024 + 1)) } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationException", answer.GetProperty("__type").GetString());
        Assert.Equal("Total size of the entries in the request is over the limit.", answer.GetProperty("message").GetString());

        var accepted = await fixture.EventsOkAsync("PutEvents", new { Entries = new[] { Entry(detail: Detail(256 * 1024)) } });
        Assert.Equal(0, accepted.GetProperty("FailedEntryCount").GetInt32());
    }

    [Fact]
    public async Task An_event_for_a_bus_that_does_not_exist_is_accepted_as_AWS_does_and_named_in_the_log()
    {
        var eventId = await fixture.PutEventAsync(Entry(bus: "no-such-bus"));

        Assert.Contains($"event {eventId} was put on event bus no-such-bus, which does not exist", fixture.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestEventPattern_answers_with_the_matcher_deliveries_use()
    {
        const string Event = """{"id":"1","account":"000000000000","source":"orders","time":"2024-01-01T00:00:00Z","region":"us-east-1","detail-type":"OrderPlaced","resources":[],"detail":{"total":42}}""";

        var matches = await fixture.EventsOkAsync("TestEventPattern", new { EventPattern = """{"detail":{"total":[{"numeric":[">",40]}]}}""", Event });
        var misses = await fixture.EventsOkAsync("TestEventPattern", new { EventPattern = """{"detail":{"total":[{"numeric":["<",40]}]}}""", Event });
        var (status, invalid) = await fixture.EventsAsync("TestEventPattern", new { EventPattern = """{"detail":{"total":[{"wildcard":"a**"}]}}""", Event });

        Assert.True(matches.GetProperty("Result").GetBoolean());
        Assert.False(misses.GetProperty("Result").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidEventPatternException", invalid.GetProperty("__type").GetString());
        Assert.StartsWith("Event pattern is not valid. Reason: Consecutive wildcard characters", invalid.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_EventBridge_calls_are_served_by_moto_through_the_edge()
    {
        await fixture.PutRuleAsync("put-events-proxied", """{"source":["orders"]}""");

        var rule = await fixture.EventsOkAsync("DescribeRule", new { Name = "put-events-proxied" });

        Assert.Equal("""{"source":["orders"]}""", rule.GetProperty("EventPattern").GetString());
    }

    [Fact]
    public async Task Rules_and_targets_are_read_from_moto_through_every_page()
    {
        await fixture.EventsOkAsync("CreateEventBus", new { Name = "put-events-paged" });
        foreach (var rule in new[] { "paged-a", "paged-b", "paged-c" })
        {
            await fixture.PutRuleAsync(rule, """{"source":["paged"]}""", bus: "put-events-paged");
            await fixture.PutTargetsAsync(rule, "put-events-paged", [.. Enumerable.Range(1, 3).Select(i => new { Id = $"t{i}", Arn = EventBridgeFixture.QueueArn($"{rule}-{i}") })]);
        }
        using var motoHttp = new HttpClient { BaseAddress = fixture.Cloud.MotoUrl };
        var cache = new RuleCache(new MotoClient(motoHttp, "us-east-1"), null, pageSize: 2);

        var rules = await cache.GetAsync(EventBusReference.Parse("put-events-paged", "us-east-1", EventBridgeFixture.Account), CancellationToken.None);
        var missing = await cache.GetAsync(EventBusReference.Parse("put-events-no-such-bus", "us-east-1", EventBridgeFixture.Account), CancellationToken.None);

        Assert.NotNull(rules);
        Assert.Equal(["paged-a", "paged-b", "paged-c"], rules.Rules.Select(r => r.Name).Order());
        Assert.All(rules.Rules, r => Assert.Equal(["t1", "t2", "t3"], r.Targets.Select(t => t.Id).Order()));
        Assert.Equal($"arn:aws:events:us-east-1:{EventBridgeFixture.Account}:rule/put-events-paged/paged-a", rules.Rules.Single(r => r.Name == "paged-a").Arn);
        Assert.Null(missing);
    }

    private static void AssertError(JsonElement entry, string code, string message)
    {
        Assert.False(entry.TryGetProperty("EventId", out _));
        Assert.Equal(code, entry.GetProperty("ErrorCode").GetString());
        Assert.Equal(message, entry.GetProperty("ErrorMessage").GetString());
    }
}
