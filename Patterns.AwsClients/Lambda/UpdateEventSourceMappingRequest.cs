using System.Text.Json.Serialization;

namespace Patterns.AwsClients.Lambda;

/// <summary>UpdateEventSourceMapping's input; members left null keep their value.</summary>
public sealed record UpdateEventSourceMappingRequest([property: JsonIgnore] string UUID)
{
    public string? FunctionName { get; init; }

    public bool? Enabled { get; init; }

    public int? BatchSize { get; init; }

    public int? MaximumBatchingWindowInSeconds { get; init; }

    /// <summary>An empty list turns ReportBatchItemFailures off.</summary>
    public IReadOnlyList<string>? FunctionResponseTypes { get; init; }

    public ScalingConfig? ScalingConfig { get; init; }

    /// <summary>A FilterCriteria with no filters removes them.</summary>
    public FilterCriteria? FilterCriteria { get; init; }

    public int? ParallelizationFactor { get; init; }

    public int? MaximumRetryAttempts { get; init; }

    public int? MaximumRecordAgeInSeconds { get; init; }

    public bool? BisectBatchOnFunctionError { get; init; }

    public DestinationConfig? DestinationConfig { get; init; }

    public int? TumblingWindowInSeconds { get; init; }
}
