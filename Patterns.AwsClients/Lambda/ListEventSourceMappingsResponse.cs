namespace Patterns.AwsClients.Lambda;

/// <summary>One page of ListEventSourceMappings; <see cref="NextMarker"/> asks for the next.</summary>
public sealed record ListEventSourceMappingsResponse
{
    public IReadOnlyList<EventSourceMappingConfiguration> EventSourceMappings { get; init; } = [];

    public string? NextMarker { get; init; }
}
