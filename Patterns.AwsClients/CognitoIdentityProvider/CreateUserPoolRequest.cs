namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>CreateUserPool's input. Pool names need not be unique: every call creates a new pool.</summary>
public sealed record CreateUserPoolRequest(string PoolName)
{
    public UserPoolPolicies? Policies { get; init; }

    /// <summary>email and/or phone_number: users sign in with these instead of a user name.</summary>
    public IReadOnlyList<string>? UsernameAttributes { get; init; }

    /// <summary>email, phone_number and/or preferred_username: users may also sign in with these.</summary>
    public IReadOnlyList<string>? AliasAttributes { get; init; }

    /// <summary>email and/or phone_number: Cognito verifies them by sending a code.</summary>
    public IReadOnlyList<string>? AutoVerifiedAttributes { get; init; }

    /// <summary>OFF (the default), ON or OPTIONAL.</summary>
    public string? MfaConfiguration { get; init; }

    /// <summary>ACTIVE or INACTIVE: whether DeleteUserPool is refused.</summary>
    public string? DeletionProtection { get; init; }

    public IReadOnlyDictionary<string, string>? UserPoolTags { get; init; }
}
