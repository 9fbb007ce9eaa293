using System.Globalization;
using System.Text.Json;
using Functions.Runtime;

namespace Functions.Diagnostics;

/// <summary>
/// Functions for the tests of SQS event source mappings. A message body may be a JSON object of
/// instructions: <c>"fail": true</c> reports the record in batchItemFailures; <c>"itemIdentifier"</c>
/// reports that identifier instead of the record's messageId (an unknown or empty one);
/// <c>"throw": true</c> fails the whole invocation; <c>"onReceive": n</c> applies those only when the
/// message is received for the n-th time; <c>"sleepMs"</c> makes the batch take that long. Handler
/// strings are <c>Functions::Functions.Diagnostics.SqsBatches::{Method}</c>.
/// </summary>
public static class SqsBatches
{
    private static readonly JsonElement NoInstructions = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>
    /// Prints the batch to the log: <c>BATCH {count} {messageId…}</c>, <c>TRACE {trace header}</c>,
    /// <c>BEGIN {unix ms}</c>, one <c>RECORD {record JSON}</c> per record and <c>FINISH {unix ms}</c>.
    /// </summary>
    public static async Task Record(JsonElement @event, ILambdaContext context)
    {
        var records = Records(@event);
        Console.Out.WriteLine($"BATCH {records.Count} {string.Join(' ', records.Select(r => r.GetProperty("messageId").GetString()))}");
        Console.Out.WriteLine($"TRACE {context.TraceId}");
        Console.Out.WriteLine($"BEGIN {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}");
        foreach (var record in records)
            Console.Out.WriteLine($"RECORD {record.GetRawText()}");
        var sleep = records.Select(r => Instructions(r).TryGetProperty("sleepMs", out var ms) ? ms.GetInt32() : 0).DefaultIfEmpty(0).Max();
        if (sleep > 0)
            await Task.Delay(sleep);
        Console.Out.WriteLine($"FINISH {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// Processes record by record, as a partial-batch handler does: prints
    /// <c>PROCESSED {messageId} {receive count}</c> for each record that succeeds and answers the
    /// failed ones in batchItemFailures; throws when a record says <c>"throw": true</c>.
    /// </summary>
    public static SqsBatchResponse ReportFailures(JsonElement @event)
    {
        var failures = new List<SqsBatchItemFailure>();
        foreach (var record in Records(@event))
        {
            var messageId = record.GetProperty("messageId").GetString()!;
            var receiveCount = record.GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString();
            var instructions = Instructions(record);
            var applies = !instructions.TryGetProperty("onReceive", out var onReceive) || onReceive.ToString() == receiveCount;
            if (applies && instructions.TryGetProperty("throw", out var fail) && fail.ValueKind == JsonValueKind.True)
                throw new InvalidOperationException($"Message {messageId} asked the batch to fail.");
            if (applies && instructions.TryGetProperty("itemIdentifier", out var identifier))
                failures.Add(new SqsBatchItemFailure(identifier.ValueKind == JsonValueKind.Null ? null : identifier.GetString()));
            else if (applies && instructions.TryGetProperty("fail", out var failed) && failed.ValueKind == JsonValueKind.True)
                failures.Add(new SqsBatchItemFailure(messageId));
            else
                Console.Out.WriteLine($"PROCESSED {messageId} {receiveCount}");
        }
        return new SqsBatchResponse(failures);
    }

    private static List<JsonElement> Records(JsonElement @event) =>
        @event.TryGetProperty("Records", out var records) && records.ValueKind == JsonValueKind.Array ? [.. records.EnumerateArray()] : [];

    private static JsonElement Instructions(JsonElement record)
    {
        try
        {
            using var body = JsonDocument.Parse(record.GetProperty("body").GetString() ?? "");
            return body.RootElement.ValueKind == JsonValueKind.Object ? body.RootElement.Clone() : NoInstructions;
        }
        catch (JsonException)
        {
            return NoInstructions; // a plain-text body carries no instructions
        }
    }
}
