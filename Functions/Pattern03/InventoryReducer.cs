using System.Text.Json;
using Functions.Runtime;

namespace Functions.Pattern03;

/// <summary>
/// Pattern 3's second subscriber (the seed's extension), <c>Functions::Functions.Pattern03.InventoryReducer::Handle</c>:
/// the same rule delivers the same event to it as to OrderNotifier.
/// </summary>
public sealed class InventoryReducer
{
    public OrderResult Handle(JsonElement @event, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var order = OrderPlaced.FromEvent(@event);
        context.Logger.LogLine($"[INVENTORY] Reducing stock for order {order.OrderId}");
        return new OrderResult("inventory reduced", order.OrderId);
    }
}
