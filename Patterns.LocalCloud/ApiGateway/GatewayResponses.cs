using System.Text;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// The answers API Gateway itself gives (its default gateway responses), byte for byte: the
/// JSON body, the status and the x-amzn-ErrorType header.
/// </summary>
internal static class GatewayResponses
{
    /// <summary>No resource and method match the request: 403 MISSING_AUTHENTICATION_TOKEN.</summary>
    public static ApiResponse MissingAuthenticationToken() =>
        Error(403, "MissingAuthenticationTokenException", """{"message":"Missing Authentication Token"}""");

    /// <summary>The API has no such stage (or none was named): 403.</summary>
    public static ApiResponse Forbidden() =>
        Error(403, "ForbiddenException", """{"message":"Forbidden"}""");

    /// <summary>An authorizer found no identity, or refused it (a Lambda authorizer's "Unauthorized" error): 401 UNAUTHORIZED.</summary>
    public static ApiResponse Unauthorized() =>
        Error(401, "UnauthorizedException", """{"message":"Unauthorized"}""");

    /// <summary>
    /// The authorizer's policy allows nothing that matches the method ARN: 403 ACCESS_DENIED.
    /// (This body is AWS's, capital M included.)
    /// </summary>
    public static ApiResponse AccessDenied() =>
        Error(403, "AccessDeniedException", """{"Message":"User is not authorized to access this resource"}""");

    /// <summary>A Deny statement of the authorizer's policy matches the method ARN: 403 ACCESS_DENIED.</summary>
    public static ApiResponse ExplicitDeny() =>
        Error(403, "AccessDeniedException", """{"Message":"User is not authorized to access this resource with an explicit deny"}""");

    /// <summary>
    /// The authorizer could not decide: its function failed, timed out or answered something that
    /// is not an authorizer response, or the authorizer is misconfigured: 500
    /// AUTHORIZER_CONFIGURATION_ERROR, whose body carries a null message.
    /// </summary>
    public static ApiResponse AuthorizerConfigurationError() =>
        Error(500, "AuthorizerConfigurationException", """{"message":null}""");

    /// <summary>
    /// 500 when the integration could not be called (Lambda rejected the invoke, configuration
    /// error), 502 when it answered badly (function error, malformed proxy response).
    /// </summary>
    public static ApiResponse InternalServerError(int statusCode) =>
        Error(statusCode, "InternalServerErrorException", """{"message": "Internal server error"}""");

    /// <summary>The integration did not answer within its timeout: 504 INTEGRATION_TIMEOUT.</summary>
    public static ApiResponse EndpointRequestTimedOut() =>
        Error(504, "InternalServerErrorException", """{"message": "Endpoint request timed out"}""");

    /// <summary>
    /// No REST API has this id. In AWS the invoke host would not resolve at all; here the edge
    /// answers, naming the id so that a typo is plain.
    /// </summary>
    public static ApiResponse ApiNotFound(string apiId) =>
        Error(404, "NotFoundException", $$"""{"message":"No REST API with id '{{apiId}}' exists in this local cloud. List them with: aws apigateway get-rest-apis"}""");

    private static ApiResponse Error(int statusCode, string errorType, string body) =>
        new(
            statusCode,
            [new("Content-Type", "application/json"), new("x-amzn-ErrorType", errorType)],
            Encoding.UTF8.GetBytes(body));
}
