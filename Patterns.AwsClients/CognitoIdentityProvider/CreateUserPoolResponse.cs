namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>CreateUserPool's output.</summary>
public sealed record CreateUserPoolResponse
{
    public UserPool UserPool { get; init; } = new();
}
