using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>CreateStage's input.</summary>
public sealed record CreateStageRequest([property: JsonIgnore] string RestApiId, string StageName, string DeploymentId)
{
    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Variables { get; init; }

    public bool? TracingEnabled { get; init; }
}
