using Microsoft.AspNetCore.Http;

namespace Patterns.LocalCloud.Edge;

/// <summary>
/// A mutating request that the edge proxied to moto and moto accepted, with moto's answer.
/// Both are only valid during <see cref="IProxyObserver.OnProxied"/>: an observer that works
/// later copies what it needs first.
/// </summary>
/// <param name="Service">The AWS service the edge resolved ("s3", "apigateway", …).</param>
internal sealed record ProxiedCall(string Service, HttpRequest Request, HttpResponseMessage Response)
{
    public string Method => Request.Method;

    public string Path => Request.Path.Value ?? "/";

    /// <summary>The caller's trace context in X-Ray form, from its X-Amzn-Trace-Id or traceparent; null when it sent neither.</summary>
    public string? TraceHeader =>
        Lambda.Execution.TraceContext.FromHeaders(Request.Headers["X-Amzn-Trace-Id"].FirstOrDefault(), Request.Headers["traceparent"].FirstOrDefault());
}
