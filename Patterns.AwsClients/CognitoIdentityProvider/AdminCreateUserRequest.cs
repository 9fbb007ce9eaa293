namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>
/// AdminCreateUser's input. The user starts in FORCE_CHANGE_PASSWORD with a temporary password;
/// AdminSetUserPassword with Permanent makes them CONFIRMED without a sign-in challenge.
/// </summary>
public sealed record AdminCreateUserRequest(string UserPoolId, string Username)
{
    public IReadOnlyList<UserAttribute>? UserAttributes { get; init; }

    /// <summary>null = Cognito generates one and sends it in the invitation.</summary>
    public string? TemporaryPassword { get; init; }

    /// <summary>SUPPRESS sends no invitation; RESEND sends it again to an existing user.</summary>
    public string? MessageAction { get; init; }

    /// <summary>EMAIL and/or SMS: how the invitation goes out.</summary>
    public IReadOnlyList<string>? DesiredDeliveryMediums { get; init; }

    public bool? ForceAliasCreation { get; init; }

    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }
}
