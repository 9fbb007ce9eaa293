using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>An authorizer as API Gateway returns it.</summary>
public sealed record Authorizer
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>TOKEN, REQUEST or COGNITO_USER_POOLS.</summary>
    public string Type { get; init; } = "";

    [JsonPropertyName("providerARNs")]
    public IReadOnlyList<string>? ProviderARNs { get; init; }

    public string? AuthType { get; init; }

    public string? AuthorizerUri { get; init; }

    public string? AuthorizerCredentials { get; init; }

    public string? IdentitySource { get; init; }

    public string? IdentityValidationExpression { get; init; }

    public int? AuthorizerResultTtlInSeconds { get; init; }
}
