using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>One page of GetAuthorizers; <see cref="Position"/> asks for the next.</summary>
public sealed record Authorizers
{
    [JsonPropertyName("item")]
    public IReadOnlyList<Authorizer> Items { get; init; } = [];

    public string? Position { get; init; }
}
