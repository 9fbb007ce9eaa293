namespace Patterns.AwsClients.CognitoIdentityProvider;

/// <summary>A user attribute (email, email_verified, name, custom:tenant, …); "sub" is the user's immutable id.</summary>
public sealed record UserAttribute(string Name, string? Value);
