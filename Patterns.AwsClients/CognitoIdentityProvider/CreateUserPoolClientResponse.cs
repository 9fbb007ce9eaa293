namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>CreateUserPoolClient's output.</summary>
public sealed record CreateUserPoolClientResponse
{
    public UserPoolClient UserPoolClient { get; init; } = new();
}
