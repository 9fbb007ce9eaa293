using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>A REST API as API Gateway returns it.</summary>
public sealed record RestApi
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedDate { get; init; }

    public string? Version { get; init; }

    public IReadOnlyList<string>? BinaryMediaTypes { get; init; }

    public string? ApiKeySource { get; init; }

    public EndpointConfiguration? EndpointConfiguration { get; init; }

    public string? RootResourceId { get; init; }

    public bool? DisableExecuteApiEndpoint { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
