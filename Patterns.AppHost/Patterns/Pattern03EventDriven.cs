using Patterns.Hosting.Model;

namespace Patterns.AppHost.Patterns;

/// <summary>
/// Pattern 3, event-driven microservice: OrderService puts OrderPlaced events on the
/// ecommerce-events bus; OrderPlacedRule (source ecommerce.orders, detail-type OrderPlaced)
/// delivers each to OrderNotifier and InventoryReducer, which the publisher does not know.
/// </summary>
public sealed class Pattern03EventDriven : IPattern
{
    public const string BusName = "ecommerce-events";
    public const string RuleName = "OrderPlacedRule";
    public const string PublisherName = "OrderService";
    public const string NotifierName = "OrderNotifier";
    public const string InventoryName = "InventoryReducer";
    public const string EventPattern = """{"source": ["ecommerce.orders"], "detail-type": ["OrderPlaced"]}""";

    public void Declare(AppModelBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Pattern 9 publishes on the same bus; whichever pattern comes first declares it.
        var bus = app.Find<EventBus>(BusName) ?? app.AddEventBus(BusName);
        var notifier = app.AddFunction(NotifierName, "Functions::Functions.Pattern03.OrderNotifier::Handle");
        var inventory = app.AddFunction(InventoryName, "Functions::Functions.Pattern03.InventoryReducer::Handle");
        app.AddRule(RuleName, bus, EventPattern).WithTarget(notifier).WithTarget(inventory);
        app.AddFunction(PublisherName, "Functions::Functions.Pattern03.OrderService::HandleAsync")
            .WithReference(bus, "EVENT_BUS_NAME", ResourceAccess.Write);
    }
}
