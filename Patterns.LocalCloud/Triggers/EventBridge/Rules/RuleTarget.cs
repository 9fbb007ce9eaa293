namespace Patterns.LocalCloud.Triggers.EventBridge.Rules;

/// <summary>A target of a rule as ListTargetsByRule describes it, with what delivery needs.</summary>
/// <param name="Input">Constant JSON sent instead of the event.</param>
/// <param name="InputPath">The part of the event sent instead of the whole ($.detail, …).</param>
/// <param name="DeadLetterArn">DeadLetterConfig.Arn: the SQS queue that gets events no attempt delivered.</param>
/// <param name="SqsMessageGroupId">SqsParameters.MessageGroupId, required for a FIFO queue target.</param>
internal sealed record RuleTarget(
    string Id,
    string Arn,
    string? Input,
    string? InputPath,
    InputTransformer? InputTransformer,
    RetryPolicy RetryPolicy,
    string? DeadLetterArn,
    string? SqsMessageGroupId);
