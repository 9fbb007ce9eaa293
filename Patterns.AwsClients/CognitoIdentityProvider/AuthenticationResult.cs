namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>
/// The tokens of a completed sign-in: an access token and an ID token (JWTs signed with the pool's
/// RS256 key), a refresh token that is opaque to clients (an encrypted JWE in AWS), and their lifetime.
/// </summary>
public sealed record AuthenticationResult
{
    /// <summary>Authorizes calls for the user (scopes, groups); what API Gateway's Cognito authorizer checks with scopes.</summary>
    public string AccessToken { get; init; } = "";

    /// <summary>Who the user is (sub, email, …); what API Gateway's Cognito authorizer checks without scopes.</summary>
    public string? IdToken { get; init; }

    /// <summary>Not returned by REFRESH_TOKEN_AUTH (the refresh token stays the same).</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Seconds the access and ID tokens are valid.</summary>
    public int ExpiresIn { get; init; }

    /// <summary>"Bearer".</summary>
    public string? TokenType { get; init; }
}
