using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.EventBridge;

/// <summary>One event to put: who sent it (<paramref name="Source"/>), what it is (<paramref name="DetailType"/>) and its JSON <paramref name="Detail"/>.</summary>
/// <param name="Detail">A JSON object as text; rules match its fields under "detail".</param>
public sealed record PutEventsRequestEntry(string Source, string DetailType, string Detail)
{
    /// <summary>A bus name or ARN; null = the default bus.</summary>
    public string? EventBusName { get; init; }

    /// <summary>ARNs the event is about; the event's "resources".</summary>
    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>The event's "time"; null = when EventBridge receives it.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? Time { get; init; }

    /// <summary>An X-Ray trace header (Root=…;Parent=…;Sampled=…) to continue the trace in targets.</summary>
    public string? TraceHeader { get; init; }
}
