namespace Patterns.LocalCloud.Lambda.EventSourceMappings;

/// <summary>What a CreateEventSourceMapping or UpdateEventSourceMapping request sets; null = not given.</summary>
internal sealed record EventSourceMappingSettings
{
    public string? FunctionName { get; init; }

    /// <summary>Create only.</summary>
    public string? EventSourceArn { get; init; }

    public bool? Enabled { get; init; }

    public int? BatchSize { get; init; }

    public int? MaximumBatchingWindowInSeconds { get; init; }

    public IReadOnlyList<string>? FunctionResponseTypes { get; init; }

    /// <summary>FilterCriteria's patterns; an empty list removes the mapping's filter.</summary>
    public IReadOnlyList<string>? FilterPatterns { get; init; }

    /// <summary>Whether ScalingConfig was given; an empty one removes the mapping's concurrency limit.</summary>
    public bool ScalingConfigGiven { get; init; }

    public int? MaximumConcurrency { get; init; }

    /// <summary>Create only.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
