namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>What an authorizer's policy says about one method ARN, in IAM's order: an explicit Deny wins over any Allow.</summary>
internal enum PolicyDecision
{
    Allow,

    /// <summary>No statement allows the method: 403 "User is not authorized to access this resource".</summary>
    NotAllowed,

    /// <summary>A Deny statement matches: 403 "… with an explicit deny".</summary>
    ExplicitDeny,
}
