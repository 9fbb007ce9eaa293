namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>A request to be authorized: what was asked, of which method of which deployed API, and its method ARN.</summary>
internal sealed record AuthorizationRequest(ApiRequest Request, RouteMatch Match, DeployedApi Api, RequestIdentity Ids, string AccountId, string MethodArn);
