namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// A method's caller checks as configured: authorizationType (NONE, AWS_IAM, CUSTOM,
/// COGNITO_USER_POOLS), the authorizer it names, its scopes, and whether an API key is required.
/// </summary>
internal sealed record MethodAuthorization(string Type, string? AuthorizerId, IReadOnlyList<string> Scopes, bool ApiKeyRequired)
{
    public static MethodAuthorization None { get; } = new("NONE", null, [], false);

    /// <summary>True when anyone may call the method: no authorizer and no API key.</summary>
    public bool IsOpen => string.Equals(Type, "NONE", StringComparison.OrdinalIgnoreCase) && !ApiKeyRequired;
}
