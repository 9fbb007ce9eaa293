using System.Text.Json;
using Functions.Runtime.ExceptionHandling;

namespace Functions.Runtime.Handlers;

/// <summary>Turns an event payload into the handler's parameter type; chosen once per process.</summary>
internal static class EventReader
{
    public static Func<ReadOnlyMemory<byte>, object?> For(Type eventType, JsonSerializerOptions options)
    {
        if (eventType == typeof(Stream) || eventType == typeof(MemoryStream))
        {
            return payload => new MemoryStream(payload.ToArray(), writable: false);
        }

        var typeInfo = Contract.Of(eventType, "event", options);
        return payload =>
        {
            // Lambda hands an invoke without a payload to the runtime as an empty body.
            var json = payload.IsEmpty ? "null"u8 : payload.Span;
            try
            {
                return JsonSerializer.Deserialize(json, typeInfo);
            }
            catch (JsonException exception)
            {
                throw new LambdaRuntimeException(RuntimeErrors.UnmarshalError, RuntimeErrors.EventUnreadable(eventType, exception.Message), exception);
            }
        };
    }
}
