using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>A snapshot of an API that stages serve.</summary>
public sealed record Deployment
{
    public string Id { get; init; } = "";

    public string? Description { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedDate { get; init; }
}
