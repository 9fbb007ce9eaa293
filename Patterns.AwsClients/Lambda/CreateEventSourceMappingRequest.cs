using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.Lambda;

/// <summary>CreateEventSourceMapping's input: a function polls a queue or stream.</summary>
/// <param name="FunctionName">A name, a partial ARN or a full ARN (a version or alias may be appended).</param>
public sealed record CreateEventSourceMappingRequest(string FunctionName)
{
    /// <summary>The SQS queue's, Kinesis stream's or DynamoDB stream's ARN.</summary>
    public string? EventSourceArn { get; init; }

    /// <summary>null = enabled.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Records per invocation: SQS 1–10000 (default 10), streams 1–10000 (default 100).</summary>
    public int? BatchSize { get; init; }

    /// <summary>How long to gather records before invoking, 0–300 seconds; SQS batches over 10 need at least 1.</summary>
    public int? MaximumBatchingWindowInSeconds { get; init; }

    /// <summary>ReportBatchItemFailures: the function answers batchItemFailures and only those records are retried.</summary>
    public IReadOnlyList<string>? FunctionResponseTypes { get; init; }

    /// <summary>Streams only (required there): TRIM_HORIZON, LATEST or AT_TIMESTAMP.</summary>
    public string? StartingPosition { get; init; }

    /// <summary>With StartingPosition AT_TIMESTAMP.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StartingPositionTimestamp { get; init; }

    /// <summary>SQS only.</summary>
    public ScalingConfig? ScalingConfig { get; init; }

    public FilterCriteria? FilterCriteria { get; init; }

    /// <summary>Streams: concurrent batches per shard, 1–10.</summary>
    public int? ParallelizationFactor { get; init; }

    /// <summary>Streams: -1 (until the record expires, the default) or 0–10000.</summary>
    public int? MaximumRetryAttempts { get; init; }

    /// <summary>Streams: -1 (no limit, the default) or 60–604800 seconds.</summary>
    public int? MaximumRecordAgeInSeconds { get; init; }

    /// <summary>Streams: split a failing batch in two and retry each half.</summary>
    public bool? BisectBatchOnFunctionError { get; init; }

    /// <summary>Streams: where a batch's description goes once it is given up on (OnFailure).</summary>
    public DestinationConfig? DestinationConfig { get; init; }

    /// <summary>Streams: 0–900 seconds of state carried between invocations.</summary>
    public int? TumblingWindowInSeconds { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
