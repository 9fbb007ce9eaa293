using System.Text.Json;
using System.Text.Json.Serialization;

namespace Functions.Diagnostics;

/// <summary>What <see cref="ReceivedEvents"/> writes after its marker.</summary>
public sealed record ReceivedEvent([property: JsonPropertyName("traceId")] string? TraceId, [property: JsonPropertyName("event")] JsonElement Event);
