using System.Text.Json;

namespace Functions.Diagnostics;

/// <summary>
/// Writes the whole event it was invoked with to standard output, on one line after
/// <see cref="Marker"/>, and returns it, so that a test can read from CloudWatch Logs exactly what
/// a trigger delivered. Handler string: <c>Functions::Functions.Diagnostics.EventPrinter::Print</c>.
/// </summary>
public static class EventPrinter
{
    public const string Marker = "EVENT ";

    public static JsonElement Print(JsonElement @event)
    {
        Console.Out.WriteLine(Marker + JsonSerializer.Serialize(@event, FunctionsJsonContext.Default.JsonElement));
        return @event;
    }
}
