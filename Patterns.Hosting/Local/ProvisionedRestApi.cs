namespace Patterns.Hosting.Local;

/// <summary>A REST API as provisioned and deployed to its stage.</summary>
/// <param name="Id">API Gateway's id of the API.</param>
/// <param name="InvokeUrl">{edge}/_aws/execute-api/{id}/{stage}/ — append a route path without its leading '/'.</param>
/// <param name="UserRequestUrl">{edge}/restapis/{id}/{stage}/_user_request_/ — the same API under LocalStack's path form.</param>
public sealed record ProvisionedRestApi(string Name, string Id, string Stage, Uri InvokeUrl, Uri UserRequestUrl);
