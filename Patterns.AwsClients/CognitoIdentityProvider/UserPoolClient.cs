using System.Text.Json.Serialization;
using Patterns.AwsClients.Core;

namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>An app client as CreateUserPoolClient and DescribeUserPoolClient return it.</summary>
public sealed record UserPoolClient
{
    public string UserPoolId { get; init; } = "";

    public string ClientName { get; init; } = "";

    public string ClientId { get; init; } = "";

    /// <summary>Set when the client was created with GenerateSecret.</summary>
    public string? ClientSecret { get; init; }

    public IReadOnlyList<string>? ExplicitAuthFlows { get; init; }

    public int? RefreshTokenValidity { get; init; }

    public int? AccessTokenValidity { get; init; }

    public int? IdTokenValidity { get; init; }

    public IReadOnlyList<string>? ReadAttributes { get; init; }

    public IReadOnlyList<string>? WriteAttributes { get; init; }

    public IReadOnlyList<string>? SupportedIdentityProviders { get; init; }

    public IReadOnlyList<string>? CallbackURLs { get; init; }

    public IReadOnlyList<string>? LogoutURLs { get; init; }

    public IReadOnlyList<string>? AllowedOAuthFlows { get; init; }

    public IReadOnlyList<string>? AllowedOAuthScopes { get; init; }

    public bool? AllowedOAuthFlowsUserPoolClient { get; init; }

    public string? PreventUserExistenceErrors { get; init; }

    public bool? EnableTokenRevocation { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreationDate { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastModifiedDate { get; init; }
}
