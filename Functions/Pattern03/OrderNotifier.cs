using System.Text.Json;
using Functions.Runtime;

namespace Functions.Pattern03;

/// <summary>
/// Pattern 3's subscriber, <c>Functions::Functions.Pattern03.OrderNotifier::Handle</c>: the
/// OrderPlacedRule sends it every OrderPlaced event of the ecommerce-events bus, and it logs the
/// confirmation it would send.
/// </summary>
public sealed class OrderNotifier
{
    public OrderResult Handle(JsonElement @event, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var order = OrderPlaced.FromEvent(@event);
        context.Logger.LogLine($"[NOTIFY] Order {order.OrderId} placed by {order.CustomerId} for ${order.Amount}");
        context.Logger.LogLine($"Sending confirmation email for order: {order.OrderId}");
        return new OrderResult("notification sent", order.OrderId);
    }
}
