using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>CreateDeployment's input; with <see cref="StageName"/> the stage is created or moved to the new deployment.</summary>
public sealed record CreateDeploymentRequest([property: JsonIgnore] string RestApiId)
{
    public string? StageName { get; init; }

    public string? StageDescription { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}
