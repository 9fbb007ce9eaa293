using Patterns.LocalCloud.ApiGateway.Authorizers;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>What one stage of a REST API serves: its routes, authorizers, stage variables and binary media types.</summary>
/// <param name="StageVariables">Null when the stage has none, as the proxy event gives them.</param>
/// <param name="Authorizers">The API's authorizers by id.</param>
internal sealed record DeployedApi(
    string ApiId,
    string Stage,
    IReadOnlyDictionary<string, string>? StageVariables,
    IReadOnlyList<string> BinaryMediaTypes,
    RouteTable Routes,
    IReadOnlyDictionary<string, ApiAuthorizer> Authorizers);
