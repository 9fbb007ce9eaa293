namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>
/// AdminInitiateAuth's input: a sign-in on a user's behalf by a caller with IAM credentials
/// (signed, unlike InitiateAuth). See <see cref="AdminUserPassword"/>.
/// </summary>
/// <param name="AuthFlow">ADMIN_USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH, CUSTOM_AUTH, USER_AUTH, ….</param>
public sealed record AdminInitiateAuthRequest(string UserPoolId, string ClientId, string AuthFlow)
{
    public IReadOnlyDictionary<string, string>? AuthParameters { get; init; }

    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }

    public string? Session { get; init; }

    /// <summary>Sign-in with user name and password; the client must allow ALLOW_ADMIN_USER_PASSWORD_AUTH.</summary>
    /// <param name="secretHash">Required when the client has a secret: <see cref="CognitoIdentityProviderClient.SecretHash"/>.</param>
    public static AdminInitiateAuthRequest AdminUserPassword(string userPoolId, string clientId, string username, string password, string? secretHash = null) =>
        new(userPoolId, clientId, "ADMIN_USER_PASSWORD_AUTH")
        {
            AuthParameters = InitiateAuthRequest.Parameters(("USERNAME", username), ("PASSWORD", password), ("SECRET_HASH", secretHash)),
        };
}
