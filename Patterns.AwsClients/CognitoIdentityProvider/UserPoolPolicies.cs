namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>A user pool's policies (the Policies member): for now its password policy.</summary>
public sealed record UserPoolPolicies(PasswordPolicy? PasswordPolicy);
