using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.Lambda;

/// <summary>An event source mapping as the Lambda API returns it (Create, Get, List, Update, Delete).</summary>
public sealed record EventSourceMappingConfiguration
{
    /// <summary>The mapping's id, used in Get, Update and Delete.</summary>
    public string UUID { get; init; } = "";

    public string? EventSourceMappingArn { get; init; }

    public string? EventSourceArn { get; init; }

    public string? FunctionArn { get; init; }

    /// <summary>Creating, Enabling, Enabled, Disabling, Disabled, Updating or Deleting.</summary>
    public string? State { get; init; }

    /// <summary>Why the state last changed, e.g. "User action" or "USER_INITIATED".</summary>
    public string? StateTransitionReason { get; init; }

    public int? BatchSize { get; init; }

    public int? MaximumBatchingWindowInSeconds { get; init; }

    public IReadOnlyList<string>? FunctionResponseTypes { get; init; }

    public string? StartingPosition { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StartingPositionTimestamp { get; init; }

    public ScalingConfig? ScalingConfig { get; init; }

    public FilterCriteria? FilterCriteria { get; init; }

    public int? ParallelizationFactor { get; init; }

    public int? MaximumRetryAttempts { get; init; }

    public int? MaximumRecordAgeInSeconds { get; init; }

    public bool? BisectBatchOnFunctionError { get; init; }

    public DestinationConfig? DestinationConfig { get; init; }

    public int? TumblingWindowInSeconds { get; init; }

    /// <summary>Streams: OK, PROBLEM: …, or "No records processed".</summary>
    public string? LastProcessingResult { get; init; }

    /// <summary>Epoch seconds on the wire.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastModified { get; init; }
}
