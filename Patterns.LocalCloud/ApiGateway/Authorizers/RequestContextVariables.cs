using System.Globalization;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// The <c>$context</c> variables a REQUEST authorizer may name as identity sources
/// (<c>context.requestId</c>, <c>context.identity.sourceIp</c>, …), with the values the proxy
/// event's requestContext carries.
/// </summary>
internal static class RequestContextVariables
{
    /// <summary>The variable's value, or null when the local cloud does not know the variable.</summary>
    public static string? Get(string name, AuthorizationRequest request)
    {
        var (apiRequest, match, api, ids) = (request.Request, request.Match, request.Api, request.Ids);
        var domainName = ProxyEventBuilder.DomainName(apiRequest.Target, api);
        return name switch
        {
            "accountId" => request.AccountId,
            "apiId" => api.ApiId,
            "domainName" => domainName,
            "domainPrefix" => domainName.Split('.')[0],
            "extendedRequestId" => ids.ExtendedRequestId,
            "httpMethod" => apiRequest.HttpMethod,
            "identity.sourceIp" => apiRequest.SourceIp,
            "identity.userAgent" => apiRequest.Header("User-Agent"),
            "path" => apiRequest.Target.StagePath,
            "protocol" => apiRequest.Protocol,
            "requestId" => ids.RequestId,
            "requestTime" => ProxyEventBuilder.RequestTime(ids),
            "requestTimeEpoch" => ids.RequestTime.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            "resourceId" => match.Resource.Id,
            "resourcePath" => match.Resource.Path,
            "stage" => api.Stage,
            _ => null,
        };
    }
}
