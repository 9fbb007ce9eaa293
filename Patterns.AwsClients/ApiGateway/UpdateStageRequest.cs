using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>UpdateStage's input.</summary>
public sealed record UpdateStageRequest(
    [property: JsonIgnore] string RestApiId,
    [property: JsonIgnore] string StageName,
    IReadOnlyList<PatchOperation> PatchOperations);
