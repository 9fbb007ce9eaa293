using System.Security.Cryptography;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// The ids API Gateway gives one request: requestId (x-amzn-RequestId), extendedRequestId
/// (x-amz-apigw-id), the X-Ray trace header it forwards and answers with, and the time it arrived.
/// </summary>
internal sealed record RequestIdentity(string RequestId, string ExtendedRequestId, string TraceHeader, DateTimeOffset RequestTime)
{
    /// <param name="incomingTraceHeader">The client's X-Amzn-Trace-Id, continued when present.</param>
    public static RequestIdentity Create(string? incomingTraceHeader, DateTimeOffset now) =>
        new(
            Guid.NewGuid().ToString("D"),
            // API Gateway's extended ids are 11 random bytes in base64, e.g. "WvRBdFsrvHcFgpg=".
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(11)),
            string.IsNullOrWhiteSpace(incomingTraceHeader) ? XRayTraceId.NewRoot(now) : incomingTraceHeader,
            now);
}
