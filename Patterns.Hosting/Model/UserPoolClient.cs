namespace Patterns.Hosting.Model;

/// <summary>
/// An app client of a user pool, without a secret, allowing user-password sign-in
/// (USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH) and refresh; referencing it gives its
/// client id.
/// </summary>
public sealed record UserPoolClient(string Name, string UserPoolName) : Resource(Name);
