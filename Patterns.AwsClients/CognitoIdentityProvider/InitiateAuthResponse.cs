namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>
/// The output of InitiateAuth and AdminInitiateAuth (the same shape): either
/// <see cref="AuthenticationResult"/> (signed in) or a <see cref="ChallengeName"/> such as
/// NEW_PASSWORD_REQUIRED with the <see cref="Session"/> to answer it with.
/// </summary>
public sealed record InitiateAuthResponse
{
    public string? ChallengeName { get; init; }

    public string? Session { get; init; }

    public IReadOnlyDictionary<string, string>? ChallengeParameters { get; init; }

    public AuthenticationResult? AuthenticationResult { get; init; }

    public IReadOnlyList<string>? AvailableChallenges { get; init; }
}
