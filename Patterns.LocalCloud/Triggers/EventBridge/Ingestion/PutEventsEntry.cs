using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Ingestion;

/// <summary>A PutEventsRequestEntry that passed validation, with its detail parsed.</summary>
internal sealed record PutEventsEntry(
    string Source,
    string DetailType,
    JsonElement Detail,
    IReadOnlyList<string> Resources,
    DateTimeOffset? Time,
    string? EventBusName,
    string? TraceHeader);
