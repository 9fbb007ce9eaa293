namespace Patterns.Hosting.Model;

/// <summary>
/// A Cognito user pool whose users sign in with their email address as user name; referencing
/// it gives its pool id.
/// </summary>
public sealed record UserPool(string Name) : Resource(Name);
