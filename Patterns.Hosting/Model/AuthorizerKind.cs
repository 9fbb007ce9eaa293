namespace Patterns.Hosting.Model;

/// <summary>What decides whether a request may reach a route.</summary>
public enum AuthorizerKind
{
    /// <summary>A Lambda authorizer given the token of one header (API Gateway's TOKEN type).</summary>
    Token,

    /// <summary>API Gateway checks a user pool's JWT itself (COGNITO_USER_POOLS).</summary>
    CognitoUserPools,
}
