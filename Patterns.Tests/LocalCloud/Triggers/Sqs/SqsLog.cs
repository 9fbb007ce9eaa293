using System.Text.Json;

namespace Patterns.Tests.LocalCloud.Triggers.SqsEventSources;

/// <summary>Reads what the SqsBatches test functions print: BATCH, RECORD, PROCESSED, TRACE, BEGIN and FINISH lines.</summary>
internal static class SqsLog
{
    public static IEnumerable<string> Lines(IEnumerable<string> log, string tag) =>
        log.Where(l => l.StartsWith(tag + " ", StringComparison.Ordinal)).Select(l => l[(tag.Length + 1)..].TrimEnd());

    public static List<JsonElement> Records(IEnumerable<string> log) =>
        [.. Lines(log, "RECORD").Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    /// <summary>Each BATCH line's message ids.</summary>
    public static List<string[]> Batches(IEnumerable<string> log) =>
        [.. Lines(log, "BATCH").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..])];

    /// <summary>Each PROCESSED line as (messageId, receive count).</summary>
    public static List<(string MessageId, int ReceiveCount)> Processed(IEnumerable<string> log) =>
        [.. Lines(log, "PROCESSED").Select(l => l.Split(' ')).Select(p => (p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];
}
