using System.Text.Json;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.AwsClients.EventBridge;
using Patterns.AwsClients.Lambda;
using Patterns.Tests.Support;

namespace Patterns.Tests.Pattern03;

public sealed class EventDrivenFixture : PatternAppFixture
{
    protected override IEnumerable<IPattern> Patterns() => [new Pattern03EventDriven()];
}

/// <summary>
/// Pattern 3's Verify steps: OrderService publishes an OrderPlaced event; OrderPlacedRule delivers
/// the same event to OrderNotifier and InventoryReducer (the seed's extension), once each; events
/// that do not match the rule reach neither.
/// </summary>
public sealed class EventDrivenVerifyTests(EventDrivenFixture fixture) : IClassFixture<EventDrivenFixture>
{
    [Fact]
    public async Task An_order_reaches_both_subscribers_once()
    {
        var response = await fixture.App.Lambda.InvokeAsync(new InvokeRequest(Pattern03EventDriven.PublisherName) { Payload = """{"amount": 249.99, "customerId": "cust-007"}"""u8.ToArray() });

        Assert.Null(response.FunctionError);
        var answer = JsonDocument.Parse(response.Payload).RootElement;
        Assert.Equal(200, answer.GetProperty("statusCode").GetInt32());
        var order = JsonDocument.Parse(answer.GetProperty("body").GetString()!).RootElement;
        var orderId = order.GetProperty("orderId").GetString()!;
        Assert.Equal(8, orderId.Length);
        Assert.Equal(249.99m, order.GetProperty("amount").GetDecimal());

        var notified = await fixture.LogUntilAsync(Pattern03EventDriven.NotifierName, l => l.Any(m => m.Contains(orderId, StringComparison.Ordinal)), "the notification");
        Assert.Single(notified, m => m == $"[NOTIFY] Order {orderId} placed by cust-007 for $249.99");
        Assert.Single(notified, m => m == $"Sending confirmation email for order: {orderId}");
        var reduced = await fixture.LogUntilAsync(Pattern03EventDriven.InventoryName, l => l.Any(m => m.Contains(orderId, StringComparison.Ordinal)), "the inventory reduction");
        Assert.Single(reduced, m => m == $"[INVENTORY] Reducing stock for order {orderId}");
        // The publisher's log reaches CloudWatch Logs on the log writer's schedule, after its result.
        await fixture.LogUntilAsync(Pattern03EventDriven.PublisherName, l => l.Contains($"Published OrderPlaced event: {orderId}"), "the publisher's line");
    }

    [Fact]
    public async Task An_event_the_rule_does_not_match_reaches_no_subscriber()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var put = await fixture.App.Events.PutEventsAsync(new PutEventsRequest(
        [
            new PutEventsRequestEntry("ecommerce.returns", "OrderPlaced", $$"""{"orderId":"ignored-{{marker}}"}""") { EventBusName = Pattern03EventDriven.BusName },
            new PutEventsRequestEntry("ecommerce.orders", "OrderPlaced", $$"""{"orderId":"matched-{{marker}}","amount":5,"customerId":"c"}""") { EventBusName = Pattern03EventDriven.BusName },
        ]));
        Assert.Equal(0, put.FailedEntryCount);

        // The matching event is the witness that delivery happened; the other must not have come with it.
        var log = await fixture.LogUntilAsync(Pattern03EventDriven.NotifierName, l => l.Any(m => m.Contains($"matched-{marker}", StringComparison.Ordinal)), "the matching event");
        Assert.DoesNotContain(log, m => m.Contains($"ignored-{marker}", StringComparison.Ordinal));
    }
}
