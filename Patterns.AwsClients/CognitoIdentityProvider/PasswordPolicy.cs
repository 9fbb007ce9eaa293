namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>What a user pool requires of passwords; Cognito's defaults are 8 characters with every class required.</summary>
public sealed record PasswordPolicy
{
    /// <summary>6–99.</summary>
    public int? MinimumLength { get; init; }

    public bool? RequireUppercase { get; init; }

    public bool? RequireLowercase { get; init; }

    public bool? RequireNumbers { get; init; }

    public bool? RequireSymbols { get; init; }

    /// <summary>Days an administrator-set temporary password stays valid (default 7).</summary>
    public int? TemporaryPasswordValidityDays { get; init; }
}
