namespace Patterns.LocalCloud.ApiGateway;

/// <summary>What the API answers the client: status, header fields (a name may repeat) and body.</summary>
internal sealed record ApiResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);
