namespace Patterns.LocalCloud.ApiGateway;

/// <summary>A method's integration: its type (AWS_PROXY, MOCK, AWS, HTTP, HTTP_PROXY), target and mappings.</summary>
/// <param name="HttpMethod">The integration's own method (POST for Lambda), not the client's.</param>
/// <param name="TimeoutInMillis">The integration timeout; null = API Gateway's default of 29 s.</param>
internal sealed record ApiIntegration(
    string Type,
    string? Uri,
    string? HttpMethod,
    int? TimeoutInMillis,
    IReadOnlyDictionary<string, string> RequestTemplates,
    IReadOnlyList<IntegrationResponse> Responses)
{
    public const string AwsProxy = "AWS_PROXY";
    public const string Mock = "MOCK";

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMilliseconds(29_000);

    public TimeSpan Timeout => TimeoutInMillis is > 0 and var millis ? TimeSpan.FromMilliseconds(millis) : DefaultTimeout;
}
