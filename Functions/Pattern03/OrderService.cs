using System.Text.Json;
using Functions.ApiGateway;
using Functions.Runtime;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.EventBridge;

namespace Functions.Pattern03;

/// <summary>
/// Pattern 3's publisher, <c>Functions::Functions.Pattern03.OrderService::HandleAsync</c>:
/// <c>{"amount": 249.99, "customerId": "cust-007"}</c> places an order (defaults 100 and
/// cust-001, as in the seed) and puts an OrderPlaced event from ecommerce.orders on the bus in
/// EVENT_BUS_NAME. It knows none of its subscribers.
/// </summary>
public sealed class OrderService
{
    public const string EventBusVariable = "EVENT_BUS_NAME";
    public const string Source = "ecommerce.orders";
    public const string DetailType = "OrderPlaced";

    private readonly EventBridgeClient events;
    private readonly string busName;

    public OrderService()
        : this(new EventBridgeClient(new AwsClientOptions()), Environment.GetEnvironmentVariable(EventBusVariable) is { Length: > 0 } bus
            ? bus
            : throw new InvalidOperationException($"{EventBusVariable} is not set: OrderService publishes to the bus it names (ecommerce-events in Pattern 3), as the app model sets it."))
    {
    }

    internal OrderService(EventBridgeClient events, string busName)
    {
        this.events = events;
        this.busName = busName;
    }

    public async Task<ApiGatewayProxyResponse> HandleAsync(JsonElement request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var order = new NewOrder(
            Guid.NewGuid().ToString()[..8],
            ReadAmount(request),
            ReadText(request, "customerId") ?? "cust-001");
        var detail = JsonSerializer.Serialize(order, FunctionsJsonContext.Default.NewOrder);

        using var timeout = new CancellationTokenSource(context.RemainingTime);
        var response = await events.PutEventsAsync(
            new PutEventsRequest([new PutEventsRequestEntry(Source, DetailType, detail) { EventBusName = busName }]), timeout.Token);
        if (response.FailedEntryCount > 0)
        {
            var failure = response.Entries[0];
            throw new InvalidOperationException($"EventBridge refused the OrderPlaced event for order {order.OrderId}: {failure.ErrorCode} {failure.ErrorMessage}");
        }

        context.Logger.LogLine($"Published OrderPlaced event: {order.OrderId}");
        return new ApiGatewayProxyResponse(200, null, detail);
    }

    private static decimal ReadAmount(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("amount", out var amount) || amount.ValueKind == JsonValueKind.Null)
            return 100.00m;
        return amount.ValueKind == JsonValueKind.Number && amount.TryGetDecimal(out var value) && value >= 0
            ? value
            : throw new ArgumentException($"amount must be a non-negative number such as 249.99; got {amount.GetRawText()}.");
    }

    private static string? ReadText(JsonElement request, string name) =>
        request.ValueKind == JsonValueKind.Object && request.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ArgumentException($"{name} must be a string; got {value.GetRawText()}.")
            : null;
}
