using System.Text.Json.Serialization;

namespace Functions.Pattern02;

/// <summary>The event API Gateway gives a TOKEN authorizer: the header's value and the ARN of the method called.</summary>
public sealed record TokenAuthorizerRequest(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("authorizationToken")] string? AuthorizationToken,
    [property: JsonPropertyName("methodArn")] string? MethodArn);
