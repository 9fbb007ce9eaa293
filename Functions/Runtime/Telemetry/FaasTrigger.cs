using System.Text.Json;

namespace Functions.Runtime.Telemetry;

/// <summary>OpenTelemetry's faas.trigger, derived from the shape of the event as AWS services send it.</summary>
internal static class FaasTrigger
{
    public const string Http = "http";
    public const string PubSub = "pubsub";
    public const string DataSource = "datasource";
    public const string Timer = "timer";
    public const string Other = "other";

    public static string Of(ReadOnlyMemory<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            // Not JSON is a legitimate event for a direct invoke; it has no trigger of its own.
            return Other;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Other;
            }

            if (root.TryGetProperty("httpMethod", out _) || root.TryGetProperty("requestContext", out _))
            {
                return Http;
            }

            if (root.TryGetProperty("detail-type", out var detailType) && detailType.ValueKind == JsonValueKind.String)
            {
                // An EventBridge event: a schedule's is a timer, any other a message of a bus.
                return detailType.ValueEquals("Scheduled Event") ? Timer
                    : root.TryGetProperty("source", out _) && root.TryGetProperty("detail", out _) ? PubSub
                    : Other;
            }

            if (root.TryGetProperty("Records", out var records) && records.ValueKind == JsonValueKind.Array && records.GetArrayLength() > 0 && records[0].ValueKind == JsonValueKind.Object)
            {
                return OfRecordSource(records[0]);
            }

            return Other;
        }
    }

    /// <summary>SNS names it EventSource; SQS, DynamoDB streams, Kinesis and S3 name it eventSource.</summary>
    private static string OfRecordSource(JsonElement record)
    {
        var source = record.TryGetProperty("EventSource", out var upper) ? upper
            : record.TryGetProperty("eventSource", out var lower) ? lower
            : default;
        if (source.ValueKind != JsonValueKind.String)
        {
            return Other;
        }

        return source.GetString() switch
        {
            "aws:sns" or "aws:sqs" => PubSub,
            "aws:dynamodb" or "aws:kinesis" or "aws:s3" => DataSource,
            _ => Other,
        };
    }
}
