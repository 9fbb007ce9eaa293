namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// What an authorizer's result is cached under: the API's stage, the authorizer, and the caller's
/// identity (the token, or a REQUEST authorizer's identity source values in order).
/// </summary>
internal readonly record struct AuthorizerCacheKey(string ApiId, string Stage, string AuthorizerId, string Identity);
