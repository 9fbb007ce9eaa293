namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>How an authorizer decided a request; named on the Authorizer span.</summary>
internal enum AuthorizationDecision
{
    Allow,

    /// <summary>403: the policy denies the method explicitly or allows nothing that matches it.</summary>
    Deny,

    /// <summary>401: no identity, an identity that failed validation, or the function's "Unauthorized".</summary>
    Unauthorized,

    /// <summary>500: the authorizer could not decide (function error, malformed answer, misconfiguration).</summary>
    ConfigurationError,
}
