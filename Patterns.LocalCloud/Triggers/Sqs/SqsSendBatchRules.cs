using System.Text.RegularExpressions;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>
/// SendMessageBatch's request-wide rules (1–10 entries, distinct ids of letters, digits, '-' and '_'
/// up to 80 characters, bodies up to 1 MiB in all). A batch that breaks one goes to SQS unchanged,
/// so that SQS answers with its own error and nothing is sent.
/// </summary>
internal static partial class SqsSendBatchRules
{
    public const int MaxEntries = 10;

    // moto's (and SQS's) limit on a message and on a whole batch.
    public const int MaxTotalBodyLength = 1_048_576;

    public static bool IsWellFormed(IReadOnlyList<(string? Id, string? Body)> entries) =>
        entries.Count is > 0 and <= MaxEntries
        && entries.All(e => e.Id is not null && IdPattern().IsMatch(e.Id) && e.Body is not null)
        && entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count() == entries.Count
        && entries.Sum(e => (long)e.Body!.Length) <= MaxTotalBodyLength;

    /// <summary>Errors about the request as a whole, not one entry: the batch is answered with SQS's own error.</summary>
    public static bool IsRequestError(string code, int status) =>
        status >= 500 || code is "QueueDoesNotExist" or "AWS.SimpleQueueService.NonExistentQueue" or "NonExistentQueue"
            or "AccessDenied" or "InvalidAddress" or "InvalidSecurity" or "RequestThrottled";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex IdPattern();
}
