namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>AdminCreateUser's output.</summary>
public sealed record AdminCreateUserResponse
{
    public User User { get; init; } = new();
}
