namespace Patterns.Hosting.Local;

/// <summary>How a route's method is authorized: NONE, or CUSTOM / COGNITO_USER_POOLS with an authorizer's id.</summary>
internal sealed record MethodAuthorization(string AuthorizationType, string? AuthorizerId)
{
    public static MethodAuthorization None { get; } = new("NONE", null);
}
