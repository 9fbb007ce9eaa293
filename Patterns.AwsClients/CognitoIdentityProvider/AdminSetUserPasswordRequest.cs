namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>AdminSetUserPassword's input; <see cref="Permanent"/> true confirms the user, false makes the password temporary.</summary>
public sealed record AdminSetUserPasswordRequest(string UserPoolId, string Username, string Password)
{
    public bool? Permanent { get; init; }
}
