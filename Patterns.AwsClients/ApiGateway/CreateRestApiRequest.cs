namespace Patterns.AwsClients.ApiGateway;

/// <summary>CreateRestApi's input.</summary>
public sealed record CreateRestApiRequest(string Name)
{
    public string? Description { get; init; }

    public EndpointConfiguration? EndpointConfiguration { get; init; }

    public IReadOnlyList<string>? BinaryMediaTypes { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
