using System.Text.Json.Serialization;

namespace Patterns.AwsClients.Lambda;

/// <summary>UpdateFunctionConfiguration's input; members left null keep their value.</summary>
public sealed record UpdateFunctionConfigurationRequest([property: JsonIgnore] string FunctionName)
{
    public string? Role { get; init; }

    public string? Handler { get; init; }

    public string? Description { get; init; }

    public int? Timeout { get; init; }

    public int? MemorySize { get; init; }

    /// <summary>Replaces all variables; an empty map removes them.</summary>
    public FunctionEnvironment? Environment { get; init; }

    public string? Runtime { get; init; }

    /// <summary>Fails the update if the function changed since this revision.</summary>
    public string? RevisionId { get; init; }
}
