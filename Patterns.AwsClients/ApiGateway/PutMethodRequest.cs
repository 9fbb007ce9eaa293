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
    public string? AuthorizerId { get; init; }

    public bool? ApiKeyRequired { get; init; }

    public string? OperationName { get; init; }

    public IReadOnlyDictionary<string, bool>? RequestParameters { get; init; }

    public IReadOnlyList<string>? AuthorizationScopes { get; init; }
}
