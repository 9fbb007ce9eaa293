using System.Diagnostics;
using System.Text.Json;

namespace Functions.Runtime.Telemetry;

/// <summary>
/// Links from an invocation's span to the producers of the SQS messages its event carries
/// (each record's attributes.AWSTraceHeader), as OpenTelemetry's conventions for Lambda ask of an
/// SQS-triggered invocation: the batch continues one trace, the links reach every message's.
/// </summary>
internal static class MessageLinks
{
    /// <returns>One link per record with a well-formed trace header; null when there is none.</returns>
    public static List<ActivityLink>? Of(ReadOnlyMemory<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("Records", out var records)
                || records.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            List<ActivityLink>? links = null;
            foreach (var record in records.EnumerateArray())
            {
                if (record.ValueKind == JsonValueKind.Object
                    && record.TryGetProperty("eventSource", out var source) && source.ValueKind == JsonValueKind.String && source.ValueEquals("aws:sqs")
                    && record.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
                    && attributes.TryGetProperty("AWSTraceHeader", out var header) && header.ValueKind == JsonValueKind.String
                    && XRayTraceHeader.ParseParent(header.GetString()) is { } producer)
                {
                    (links ??= []).Add(new ActivityLink(producer));
                }
            }

            return links;
        }
    }
}
