namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>CreateUserPoolClient's input: an app client, the ClientId apps sign in through.</summary>
public sealed record CreateUserPoolClientRequest(string UserPoolId, string ClientName)
{
    /// <summary>
    /// True gives the client a secret; every auth call must then send SECRET_HASH
    /// (<see cref="CognitoIdentityProviderClient.SecretHash"/>). Browser and mobile apps use clients without one.
    /// </summary>
    public bool? GenerateSecret { get; init; }

    /// <summary>
    /// ALLOW_USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH,
    /// ALLOW_CUSTOM_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH.
    /// </summary>
    public IReadOnlyList<string>? ExplicitAuthFlows { get; init; }

    /// <summary>In days unless the client says otherwise (default 30).</summary>
    public int? RefreshTokenValidity { get; init; }

    /// <summary>In hours unless the client says otherwise (default 1).</summary>
    public int? AccessTokenValidity { get; init; }

    /// <summary>In hours unless the client says otherwise (default 1).</summary>
    public int? IdTokenValidity { get; init; }

    public IReadOnlyList<string>? ReadAttributes { get; init; }

    public IReadOnlyList<string>? WriteAttributes { get; init; }

    /// <summary>e.g. COGNITO for the pool's own users.</summary>
    public IReadOnlyList<string>? SupportedIdentityProviders { get; init; }

    public IReadOnlyList<string>? CallbackURLs { get; init; }

    public IReadOnlyList<string>? LogoutURLs { get; init; }

    /// <summary>code, implicit and/or client_credentials.</summary>
    public IReadOnlyList<string>? AllowedOAuthFlows { get; init; }

    public IReadOnlyList<string>? AllowedOAuthScopes { get; init; }

    public bool? AllowedOAuthFlowsUserPoolClient { get; init; }

    /// <summary>ENABLED answers NotAuthorizedException instead of UserNotFoundException for unknown users.</summary>
    public string? PreventUserExistenceErrors { get; init; }

    public bool? EnableTokenRevocation { get; init; }
}
