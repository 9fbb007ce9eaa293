using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Functions.Runtime;

namespace Patterns.Tests.Functions.Handlers;

/// <summary>One method per handler shape the runtime binds.</summary>
public static class SampleHandlers
{
    public static Receipt TypedEvent(Order order) => new(order.OrderId, order.Quantity * 2);

    public static string EventAndContext(JsonElement @event, ILambdaContext context) =>
        $"{context.AwsRequestId}:{@event.GetProperty("x").GetString()}";

    public static string ContextOnly(ILambdaContext context) => context.FunctionName;

    public static int NoParameters() => 42;

    public static void VoidWithJsonNode(JsonNode node) => _ = node["x"]!.GetValue<string>();

    public static Task TaskWithString(string text) =>
        text == "hello" ? Task.CompletedTask : throw new ArgumentException($"unexpected text {text}");

    public static async Task<int> TaskOfInt(int number)
    {
        await Task.Yield();
        return number + 1;
    }

    public static async ValueTask<string?> ValueTaskOfNull()
    {
        await Task.Yield();
        return null;
    }

    public static Stream StreamInStreamOut(Stream payload)
    {
        using var reader = new StreamReader(payload);
        return new MemoryStream(Encoding.UTF8.GetBytes(reader.ReadToEnd().ToUpperInvariant()));
    }

    public static async Task FailsAfterAwait()
    {
        await Task.Yield();
        throw new TimeoutException("too slow");
    }

    public static SelfReferencing Unserializable()
    {
        var node = new SelfReferencing();
        node.Next = node;
        return node;
    }

    public static int Overloaded(int number) => number;

    public static string Overloaded(string text) => text;

    public static T Generic<T>(T value) => value;

    /// <summary>The runtime must refuse this shape: nothing tells it when the work ends.</summary>
    public static async void AsyncVoid() => await Task.Yield();

    public static int TwoEvents(int first, int second) => first + second;

    public static int ContextFirst(ILambdaContext context, int number) => number;
}
