namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>The outcome of one entry of a SendMessageBatch that the edge sent as its own SendMessage.</summary>
/// <param name="Failure">Null when SQS took the message; else (code, message, sender's fault).</param>
internal sealed record SqsSendBatchEntry(
    string Id,
    string? MessageId,
    string? Md5OfMessageBody,
    string? Md5OfMessageAttributes,
    string? SequenceNumber,
    (string Code, string Message, bool SenderFault)? Failure);
