using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>
/// UpdateAuthorizer's input: patch operations on the authorizer's members, e.g. replace
/// /authorizerResultTtlInSeconds, /identitySource, /authorizerUri, /name, /providerARNs.
/// </summary>
public sealed record UpdateAuthorizerRequest(
    [property: JsonIgnore] string RestApiId,
    [property: JsonIgnore] string AuthorizerId,
    IReadOnlyList<PatchOperation> PatchOperations);
