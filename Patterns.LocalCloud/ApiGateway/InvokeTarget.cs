namespace Patterns.LocalCloud.ApiGateway;

/// <summary>Which stage of which REST API a request invokes, and what it asks of that stage.</summary>
/// <param name="ResourcePath">The path after the stage, percent-encoded as the client sent it; "/" at least.</param>
/// <param name="StagePath">"/{stage}" followed by the rest as sent: API Gateway's requestContext.path.</param>
/// <param name="RawQuery">The query string as sent, without the '?'.</param>
/// <param name="Host">The Host the client addressed, without the port, when it named the API ({apiId}.execute-api.…); else null.</param>
internal sealed record InvokeTarget(string ApiId, string Stage, string ResourcePath, string StagePath, string RawQuery, string? Host);
