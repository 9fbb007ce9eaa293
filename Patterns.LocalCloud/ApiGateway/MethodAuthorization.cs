namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// A method's caller checks as configured: authorizationType (NONE, AWS_IAM, CUSTOM,
/// COGNITO_USER_POOLS), the authorizer it names, its scopes, and whether an API key is required.
/// </summary>
internal sealed record MethodAuthorization(string Type, string? AuthorizerId, IReadOnlyList<string> Scopes, bool ApiKeyRequired)
{
    public const string NoneType = "NONE";
    public const string CustomType = "CUSTOM";
    public const string CognitoUserPoolsType = "COGNITO_USER_POOLS";
    public const string AwsIamType = "AWS_IAM";

    public static MethodAuthorization None { get; } = new(NoneType, null, [], false);

    /// <summary>True when a Lambda or Cognito user pool authorizer decides who may call the method.</summary>
    public bool UsesAuthorizer => IsType(CustomType) || IsType(CognitoUserPoolsType);

    /// <summary>
    /// Why the local cloud cannot check this method's callers (it then answers 500 rather than
    /// serve the method open), or null when it can.
    /// </summary>
    public string? UnsupportedReason()
    {
        if (ApiKeyRequired)
            return "the method requires an API key (apiKeyRequired), which the local cloud does not check yet; it answers 500 rather than serve the method open.";
        if (IsType(NoneType) || UsesAuthorizer)
            return null;
        if (IsType(AwsIamType))
            return "the method's authorizationType is AWS_IAM (SigV4-signed callers), which the local cloud does not check; it answers 500 rather than serve the method open. Use a CUSTOM or COGNITO_USER_POOLS authorizer locally.";
        return $"the method's authorizationType is {Type}, which API Gateway does not define (NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS); the local cloud answers 500 rather than serve the method open.";
    }

    private bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}
