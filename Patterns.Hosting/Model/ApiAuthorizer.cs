namespace Patterns.Hosting.Model;

/// <summary>An authorizer of a REST API that routes name to protect them.</summary>
/// <param name="ResourceName">The Lambda function (Token) or the user pool (CognitoUserPools).</param>
/// <param name="Header">The request header that carries the token.</param>
/// <param name="ResultTtl">How long API Gateway caches a decision per token; zero = not cached.</param>
public sealed record ApiAuthorizer(string Name, AuthorizerKind Kind, string ResourceName, string Header, TimeSpan ResultTtl)
{
    public static TimeSpan DefaultResultTtl { get; } = TimeSpan.FromMinutes(5);

    /// <summary>A regular expression the token must match before the authorizer runs; null = any.</summary>
    public string? ValidationExpression { get; init; }
}
