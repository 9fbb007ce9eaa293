using System.Net;
using System.Text.Json;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>An API's answer as a test looks at it: status, body text, its error type header, and the body as JSON when it is.</summary>
internal sealed record ApiCall(HttpStatusCode Status, string Body, string? ErrorType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>requestContext.authorizer of the proxy event an echoing integration answered with.</summary>
    public JsonElement Authorizer => Json.GetProperty("requestContext").GetProperty("authorizer");

    public static async Task<ApiCall> SendAsync(HttpClient edge, HttpMethod method, string apiId, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, $"_aws/execute-api/{apiId}/dev{path}");
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await edge.SendAsync(request);
        return new ApiCall(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.Single() : null);
    }

    public override string ToString() => $"{(int)Status} {ErrorType} {Body}";
}
