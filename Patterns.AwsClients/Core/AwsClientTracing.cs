using System.Diagnostics;

namespace Patterns.AwsClients.Core;

/// <summary>
/// A CLIENT span per API call, as the OpenTelemetry AWS SDK conventions name them
/// ("SNS.Publish", rpc.system aws-api), with the W3C traceparent of the span on the wire so
/// that whatever serves the call continues the caller's trace. Listened to by name: a process
/// without a listener pays nothing and sends no traceparent.
/// </summary>
public static class AwsClientTracing
{
    /// <summary>The ActivitySource name to add to a tracer provider to export these spans.</summary>
    public const string SourceName = "Patterns.AwsClients";

    private static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Start(AwsClientSettings settings, AwsRequest request)
    {
        if (!Source.HasListeners())
            return null;
        var service = settings.Service.ServiceId;
        var span = Source.StartActivity($"{service}.{request.Operation}", ActivityKind.Client);
        if (span is null)
            return null;
        span.SetTag("rpc.system", "aws-api");
        span.SetTag("rpc.service", service);
        span.SetTag("rpc.method", request.Operation);
        span.SetTag("cloud.region", settings.Region);
        span.SetTag("server.address", settings.Endpoint.Host);
        foreach (var (name, value) in request.SpanTags)
            span.SetTag(name, value);
        return span;
    }

    internal static string Traceparent(Activity span) =>
        $"00-{span.TraceId.ToHexString()}-{span.SpanId.ToHexString()}-{(span.Recorded ? "01" : "00")}";

    internal static void Succeeded(Activity? span, AwsResponse response)
    {
        if (span is null)
            return;
        span.SetTag("http.response.status_code", response.StatusCode);
        if (RequestId(response.Headers) is { } requestId)
            span.SetTag("aws.request_id", requestId);
    }

    internal static void Failed(Activity span, Exception exception)
    {
        if (exception is AwsServiceException service)
        {
            span.SetTag("http.response.status_code", service.StatusCode);
            span.SetTag("aws.request_id", service.RequestId);
            span.SetTag("error.type", service.ErrorCode);
        }
        else
        {
            span.SetTag("error.type", exception.GetType().FullName);
        }
        span.SetStatus(ActivityStatusCode.Error, exception.Message);
    }

    private static string? RequestId(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("x-amzn-RequestId", out var id) || headers.TryGetValue("x-amz-request-id", out id) ? id : null;
}
