using System.Text.Json.Nodes;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// An authorizer's verdict on one request: allowed, with what it passes on to the integration
/// (requestContext.authorizer), or refused with API Gateway's answer.
/// </summary>
/// <param name="CacheHit">True when the result came from the authorizer cache, without invoking or verifying again.</param>
internal sealed record AuthorizationOutcome(AuthorizationDecision Decision, ApiResponse? Refusal, JsonObject? RequestContextAuthorizer, bool CacheHit)
{
    public static AuthorizationOutcome Allowed(JsonObject requestContextAuthorizer, bool cacheHit) =>
        new(AuthorizationDecision.Allow, null, requestContextAuthorizer, cacheHit);

    public static AuthorizationOutcome Unauthorized(bool cacheHit = false) =>
        new(AuthorizationDecision.Unauthorized, GatewayResponses.Unauthorized(), null, cacheHit);

    public static AuthorizationOutcome Denied(PolicyDecision decision, bool cacheHit) =>
        new(AuthorizationDecision.Deny, decision == PolicyDecision.ExplicitDeny ? GatewayResponses.ExplicitDeny() : GatewayResponses.AccessDenied(), null, cacheHit);

    public static AuthorizationOutcome ConfigurationError() =>
        new(AuthorizationDecision.ConfigurationError, GatewayResponses.AuthorizerConfigurationError(), null, false);
}
