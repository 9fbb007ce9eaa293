using System.Text.Json.Serialization;

namespace Functions.Pattern02;

/// <summary>
/// What the authorizer answers API Gateway, in the workshop's shape: the principal, its policy,
/// and a context the API's function receives as requestContext.authorizer.
/// </summary>
public sealed record AuthorizerResponse(
    [property: JsonPropertyName("principalId")] string PrincipalId,
    [property: JsonPropertyName("policyDocument")] PolicyDocument PolicyDocument,
    [property: JsonPropertyName("context")] IReadOnlyDictionary<string, string> Context);
