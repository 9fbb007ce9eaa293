using System.Text.RegularExpressions;

namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>
/// The caller's trace context for an invocation, in the X-Ray form Lambda hands to runtimes:
/// an <c>X-Amzn-Trace-Id</c> as given, or a W3C <c>traceparent</c> re-written in X-Ray form
/// (the 128-bit trace id split as 1-{8 hex}-{24 hex}, the parent span id, the sampled flag).
/// </summary>
internal static partial class TraceContext
{
    public static string? FromHeaders(string? xrayHeader, string? traceparent)
    {
        if (!string.IsNullOrWhiteSpace(xrayHeader))
            return xrayHeader;
        if (traceparent is null || TraceparentPattern().Match(traceparent.Trim()) is not { Success: true } match)
            return null;
        var traceId = match.Groups["trace"].Value;
        var sampled = (Convert.ToInt32(match.Groups["flags"].Value, 16) & 1) == 1 ? 1 : 0;
        return $"Root=1-{traceId[..8]}-{traceId[8..]};Parent={match.Groups["span"].Value};Sampled={sampled}";
    }

    // version 00 only; an all-zero trace or span id is invalid (W3C Trace Context §3.2.2).
    [GeneratedRegex("^00-(?<trace>(?!0{32})[0-9a-f]{32})-(?<span>(?!0{16})[0-9a-f]{16})-(?<flags>[0-9a-f]{2})$")]
    private static partial Regex TraceparentPattern();
}
