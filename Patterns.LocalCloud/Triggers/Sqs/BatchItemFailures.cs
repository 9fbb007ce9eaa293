using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>
/// A function's partial batch response (FunctionResponseTypes ReportBatchItemFailures), read as
/// Lambda reads it: <c>{"batchItemFailures":[{"itemIdentifier":"messageId"}]}</c> names the messages
/// to retry; an empty or null list, an empty or null response = every message succeeded; an entry
/// whose itemIdentifier is missing, null, empty or not a message of the batch, or a response that
/// is not such JSON = the whole batch failed.
/// </summary>
/// <param name="FailedMessageIds">The messages to leave in the queue.</param>
/// <param name="Problem">Why the whole batch counts as failed when the response was malformed; null otherwise.</param>
internal sealed record BatchItemFailures(IReadOnlySet<string> FailedMessageIds, string? Problem)
{
    public static BatchItemFailures Read(ReadOnlyMemory<byte> response, IReadOnlyList<string> batchIds)
    {
        var all = batchIds.ToHashSet(StringComparer.Ordinal);
        BatchItemFailures WholeBatch(string problem) => new(all, problem);

        if (response.IsEmpty)
            return new(new HashSet<string>(), null);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(response);
        }
        catch (JsonException exception)
        {
            return WholeBatch($"the response is not JSON ({exception.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
                return new(new HashSet<string>(), null);
            if (root.ValueKind != JsonValueKind.Object)
                return WholeBatch($"the response is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object with batchItemFailures");
            if (!root.TryGetProperty("batchItemFailures", out var failures) || failures.ValueKind == JsonValueKind.Null)
                return new(new HashSet<string>(), null);
            if (failures.ValueKind != JsonValueKind.Array)
                return WholeBatch("batchItemFailures is not a list");

            var failed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var failure in failures.EnumerateArray())
            {
                if (failure.ValueKind != JsonValueKind.Object || !failure.TryGetProperty("itemIdentifier", out var identifier))
                    return WholeBatch($"an entry of batchItemFailures has no itemIdentifier: {failure.GetRawText()}");
                if (identifier.ValueKind != JsonValueKind.String || identifier.GetString() is not { Length: > 0 } id)
                    return WholeBatch($"an itemIdentifier is null or empty: {failure.GetRawText()}");
                if (!all.Contains(id))
                    return WholeBatch($"itemIdentifier '{id}' is not the messageId of a message in the batch");
                failed.Add(id);
            }
            return new(failed, null);
        }
    }
}
