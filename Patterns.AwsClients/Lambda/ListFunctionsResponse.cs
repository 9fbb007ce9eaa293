namespace Patterns.AwsClients.Lambda;

/// <summary>One page of ListFunctions; <see cref="NextMarker"/> asks for the next.</summary>
public sealed record ListFunctionsResponse
{
    public IReadOnlyList<FunctionConfiguration> Functions { get; init; } = [];

    public string? NextMarker { get; init; }
}
