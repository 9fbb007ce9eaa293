using System.Text.Json;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.EventBridge;
using Patterns.Tests.Support;
using RetryPolicy = Patterns.AwsClients.EventBridge.RetryPolicy;

namespace Patterns.Tests.AwsClients;

/// <summary>The EventBridge client against EventBridge in a real local cloud (moto behind the edge), with an SQS target.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class EventBridgeLocalCloudTests(LocalCloudFixture fixture)
{
    private EventBridgeClient Client() => new(new AwsClientOptions { Endpoint = fixture.Cloud.EdgeUrl, Region = "us-east-1", Credentials = AwsCredentials.Test });

    [Fact]
    public async Task A_rule_on_a_custom_bus_routes_put_events_to_its_SQS_target()
    {
        using var events = Client();
        using var queue = await EdgeQueue.CreateAsync(fixture.Cloud.EdgeUrl, UniqueName.For("billing"));
        var busName = UniqueName.For("orders-bus");
        var busArn = (await events.CreateEventBusAsync(new CreateEventBusRequest(busName) { Description = "Order events" })).EventBusArn;
        const string pattern = """{"source":["orders"],"detail-type":["OrderPlaced"]}""";

        var ruleArn = (await events.PutRuleAsync(new PutRuleRequest("order-placed") { EventBusName = busName, EventPattern = pattern, Description = "Orders to billing" })).RuleArn;
        var target = new Target("billing", queue.Arn) { RetryPolicy = new RetryPolicy { MaximumRetryAttempts = 4, MaximumEventAgeInSeconds = 3600 } };
        var putTargets = await events.PutTargetsAsync(new PutTargetsRequest("order-placed", [target]) { EventBusName = busName });
        var put = await events.PutEventsAsync(new PutEventsRequest(
        [
            new PutEventsRequestEntry("orders", "OrderPlaced", """{"orderId":"o-1"}""") { EventBusName = busName },
            new PutEventsRequestEntry("orders", "OrderCancelled", """{"orderId":"o-2"}""") { EventBusName = busName },
        ]));

        var bus = await events.DescribeEventBusAsync(busName);
        Assert.Equal((busName, busArn), (bus.Name, bus.Arn));
        Assert.Equal(busArn.Replace(":event-bus/", ":rule/", StringComparison.Ordinal) + "/order-placed", ruleArn);
        var rule = await events.DescribeRuleAsync("order-placed", busName);
        Assert.Equal((ruleArn, "ENABLED", busName), (rule.Arn, rule.State, rule.EventBusName));
        Assert.Equal(JsonDocument.Parse(pattern).RootElement.ToString(), JsonDocument.Parse(rule.EventPattern!).RootElement.ToString());
        Assert.Equal(["order-placed"], (await events.ListAllRulesAsync(busName)).Select(r => r.Name));
        Assert.Equal(0, putTargets.FailedEntryCount);
        Assert.Equal([target], await events.ListAllTargetsByRuleAsync("order-placed", busName));

        Assert.Equal(0, put.FailedEntryCount);
        Assert.Equal(2, put.Entries.Count);
        Assert.All(put.Entries, e => Assert.False(string.IsNullOrEmpty(e.EventId)));
        var message = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(20)));
        using var delivered = JsonDocument.Parse(message.Body);
        Assert.Equal(put.Entries[0].EventId, delivered.RootElement.GetProperty("id").GetString());
        Assert.Equal("OrderPlaced", delivered.RootElement.GetProperty("detail-type").GetString());
        Assert.Equal("o-1", delivered.RootElement.GetProperty("detail").GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Targets_rules_and_buses_are_removed_in_order_and_then_not_found()
    {
        using var events = Client();
        var busName = UniqueName.For("temp-bus");
        await events.CreateEventBusAsync(new CreateEventBusRequest(busName));
        await events.PutRuleAsync(new PutRuleRequest("r") { EventBusName = busName, EventPattern = """{"source":["x"]}""" });
        await events.PutTargetsAsync(new PutTargetsRequest("r", [new Target("t", "arn:aws:sqs:us-east-1:123456789012:nowhere")]) { EventBusName = busName });

        var removed = await events.RemoveTargetsAsync(new RemoveTargetsRequest("r", ["t"]) { EventBusName = busName });
        await events.DeleteRuleAsync("r", busName);
        await events.DeleteEventBusAsync(busName);

        Assert.Equal(0, removed.FailedEntryCount);
        var noRule = await Assert.ThrowsAsync<AwsServiceException>(() => events.DescribeRuleAsync("r", busName));
        Assert.Equal("ResourceNotFoundException", noRule.ErrorCode);
        var noBus = await Assert.ThrowsAsync<AwsServiceException>(() => events.DescribeEventBusAsync(busName));
        Assert.Equal("ResourceNotFoundException", noBus.ErrorCode);
    }

    [Fact]
    public async Task A_bus_name_already_taken_is_ResourceAlreadyExistsException()
    {
        using var events = Client();
        var busName = UniqueName.For("taken");
        await events.CreateEventBusAsync(new CreateEventBusRequest(busName));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => events.CreateEventBusAsync(new CreateEventBusRequest(busName)));

        Assert.Equal(("events", "ResourceAlreadyExistsException"), (error.Service, error.ErrorCode));
    }
}
