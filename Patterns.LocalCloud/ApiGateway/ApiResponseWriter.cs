using Microsoft.AspNetCore.Http;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>Sends an API response with the headers API Gateway adds to every answer: x-amzn-RequestId, x-amz-apigw-id and X-Amzn-Trace-Id.</summary>
internal static class ApiResponseWriter
{
    public static async Task WriteAsync(HttpContext context, ApiResponse response, RequestIdentity ids)
    {
        var http = context.Response;
        http.StatusCode = response.StatusCode;
        foreach (var group in response.Headers.GroupBy(header => header.Key, StringComparer.OrdinalIgnoreCase))
            http.Headers[group.Key] = group.Select(header => header.Value).ToArray();
        http.Headers["x-amzn-RequestId"] = ids.RequestId;
        http.Headers["x-amz-apigw-id"] = ids.ExtendedRequestId;
        http.Headers["X-Amzn-Trace-Id"] = ids.TraceHeader;
        http.ContentLength = response.Body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
            await http.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
