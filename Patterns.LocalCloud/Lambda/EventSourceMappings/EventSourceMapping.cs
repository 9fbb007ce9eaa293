using Patterns.LocalCloud.Triggers.Sqs;

namespace Patterns.LocalCloud.Lambda.EventSourceMappings;

/// <summary>An event source mapping as the Lambda API stores and reports it (SQS sources only locally).</summary>
internal sealed record EventSourceMapping
{
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";

    public required string Uuid { get; init; }

    public required string EventSourceArn { get; init; }

    /// <summary>The function's ARN as AWS reports it: qualified only when the mapping named a qualifier.</summary>
    public required string FunctionArn { get; init; }

    public int BatchSize { get; init; } = 10;

    public int MaximumBatchingWindowInSeconds { get; init; }

    public bool Enabled { get; init; } = true;

    public IReadOnlyList<string> FunctionResponseTypes { get; init; } = [];

    /// <summary>ScalingConfig.MaximumConcurrency; null = no limit of the mapping's own.</summary>
    public int? MaximumConcurrency { get; init; }

    /// <summary>FilterCriteria's patterns as the caller sent them; empty = every message is delivered.</summary>
    public IReadOnlyList<string> FilterPatterns { get; init; } = [];

    /// <summary>The compiled <see cref="FilterPatterns"/>; null when there are none.</summary>
    public SqsRecordFilter? Filter { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset LastModified { get; init; }

    /// <summary>One of <see cref="EventSourceMappingStates"/>.</summary>
    public required string State { get; init; }

    public string StateTransitionReason { get; init; } = "USER_INITIATED";

    public bool ReportsBatchItemFailures => FunctionResponseTypes.Contains(ReportBatchItemFailures, StringComparer.Ordinal);
}
