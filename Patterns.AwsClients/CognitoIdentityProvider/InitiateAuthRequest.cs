namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>
/// InitiateAuth's input: a sign-in through an app client, by the client's own rules (sent
/// unsigned, as in AWS). See <see cref="UserPassword"/> and <see cref="RefreshToken"/>.
/// </summary>
/// <param name="AuthFlow">USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH (alias REFRESH_TOKEN), USER_SRP_AUTH, CUSTOM_AUTH or USER_AUTH.</param>
public sealed record InitiateAuthRequest(string AuthFlow, string ClientId)
{
    /// <summary>The flow's parameters: USERNAME, PASSWORD, REFRESH_TOKEN, SECRET_HASH, SRP_A, ….</summary>
    public IReadOnlyDictionary<string, string>? AuthParameters { get; init; }

    /// <summary>Passed to the pool's Lambda triggers.</summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }

    public string? Session { get; init; }

    /// <summary>Sign-in with user name and password; the client must allow ALLOW_USER_PASSWORD_AUTH.</summary>
    /// <param name="secretHash">Required when the client has a secret: <see cref="CognitoIdentityProviderClient.SecretHash"/>.</param>
    public static InitiateAuthRequest UserPassword(string clientId, string username, string password, string? secretHash = null) =>
        new("USER_PASSWORD_AUTH", clientId) { AuthParameters = Parameters(("USERNAME", username), ("PASSWORD", password), ("SECRET_HASH", secretHash)) };

    /// <summary>New access and ID tokens for a refresh token; the client must allow ALLOW_REFRESH_TOKEN_AUTH.</summary>
    /// <param name="secretHash">Required when the client has a secret; computed with the user's "sub" as the user name.</param>
    public static InitiateAuthRequest RefreshToken(string clientId, string refreshToken, string? secretHash = null) =>
        new("REFRESH_TOKEN_AUTH", clientId) { AuthParameters = Parameters(("REFRESH_TOKEN", refreshToken), ("SECRET_HASH", secretHash)) };

    internal static Dictionary<string, string> Parameters(params (string Name, string? Value)[] parameters) =>
        parameters.Where(p => p.Value is not null).ToDictionary(p => p.Name, p => p.Value!, StringComparer.Ordinal);
}
