namespace Patterns.AwsClients.ApiGateway;

/// <summary>An API's endpoint types: EDGE, REGIONAL or PRIVATE.</summary>
public sealed record EndpointConfiguration
{
    public IReadOnlyList<string>? Types { get; init; }
}
