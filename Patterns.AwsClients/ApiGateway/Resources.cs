using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>One page of GetResources; <see cref="Position"/> asks for the next.</summary>
public sealed record Resources
{
    [JsonPropertyName("item")]
    public IReadOnlyList<Resource> Items { get; init; } = [];

    public string? Position { get; init; }
}
