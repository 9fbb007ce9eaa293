using System.Text.Json;
using Functions.Runtime;

namespace Functions.Diagnostics;

/// <summary>
/// A function for the triggers' tests: it writes what it received to its log, one line per
/// invocation, so a test reads from CloudWatch Logs exactly what a trigger delivered and with
/// which trace context. Handler: <c>Functions::Functions.Diagnostics.ReceivedEvents::Print</c>.
/// </summary>
public static class ReceivedEvents
{
    /// <summary>Starts the line; the rest is <c>{"traceId": …, "event": …}</c>.</summary>
    public const string Marker = "RECEIVED ";

    public static void Print(JsonElement @event, ILambdaContext context) =>
        Console.Out.WriteLine(Marker + JsonSerializer.Serialize(new ReceivedEvent(context.TraceId, @event), FunctionsJsonContext.Default.ReceivedEvent));
}
