namespace Patterns.LocalCloud.ApiGateway;

/// <summary>What one stage of a REST API serves: its routes, stage variables and binary media types.</summary>
/// <param name="StageVariables">Null when the stage has none, as the proxy event gives them.</param>
internal sealed record DeployedApi(
    string ApiId,
    string Stage,
    IReadOnlyDictionary<string, string>? StageVariables,
    IReadOnlyList<string> BinaryMediaTypes,
    RouteTable Routes);
