namespace Patterns.LocalCloud.ApiGateway;

/// <summary>A Lambda proxy response turned into the API's answer, or why it cannot be (with the status API Gateway then gives).</summary>
internal sealed record ProxyResponseMapping(ApiResponse? Response, string? Problem, int FailureStatusCode)
{
    public static ProxyResponseMapping Mapped(ApiResponse response) => new(response, null, 0);

    /// <summary>"Malformed Lambda proxy response": 502.</summary>
    public static ProxyResponseMapping Malformed(string problem) => new(null, problem, 502);

    /// <summary>A binary body that does not decode: API_CONFIGURATION_ERROR, 500.</summary>
    public static ProxyResponseMapping ConfigurationError(string problem) => new(null, problem, 500);
}
