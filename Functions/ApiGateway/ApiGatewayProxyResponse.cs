using System.Text.Json.Serialization;

namespace Functions.ApiGateway;

/// <summary>
/// The result shape API Gateway's Lambda proxy integration maps to an HTTP response. A direct
/// invoke may return the same shape without headers, as the workshop's handlers do.
/// </summary>
public sealed record ApiGatewayProxyResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("headers"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Headers,
    [property: JsonPropertyName("body")] string Body);
