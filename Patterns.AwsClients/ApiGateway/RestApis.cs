using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>One page of GetRestApis; <see cref="Position"/> asks for the next.</summary>
public sealed record RestApis
{
    [JsonPropertyName("item")]
    public IReadOnlyList<RestApi> Items { get; init; } = [];

    public string? Position { get; init; }
}
