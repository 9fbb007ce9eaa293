using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>A named stage pointing at a deployment.</summary>
public sealed record Stage
{
    public string StageName { get; init; } = "";

    public string? DeploymentId { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Variables { get; init; }

    public bool? TracingEnabled { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedDate { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastUpdatedDate { get; init; }
}
