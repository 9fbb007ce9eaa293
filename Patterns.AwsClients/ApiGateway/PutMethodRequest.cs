using System.Text.Json.Serialization;

namespace Patterns.AwsClients.ApiGateway;

/// <summary>PutMethod's input: adds a method to a resource (ConflictException if it exists).</summary>
/// <param name="AuthorizationType">NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS.</param>
public sealed record PutMethodRequest(
    [property: JsonIgnore] string RestApiId,
    [property: JsonIgnore] string ResourceId,
    [property: JsonIgnore] string HttpMethod,
    string AuthorizationType)
{
    /// <summary>The authorizer (CreateAuthorizer's Id) when AuthorizationType is CUSTOM or COGNITO_USER_POOLS.</summary>
    public string? AuthorizerId { get; init; }

    public bool? ApiKeyRequired { get; init; }

    public string? OperationName { get; init; }

    public IReadOnlyDictionary<string, bool>? RequestParameters { get; init; }

    /// <summary>COGNITO_USER_POOLS: OAuth scopes the access token must carry one of; none = the ID token is checked.</summary>
    public IReadOnlyList<string>? AuthorizationScopes { get; init; }
}
