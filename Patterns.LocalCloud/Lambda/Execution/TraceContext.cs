using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>
/// The caller's trace context for an invocation, in the X-Ray form Lambda hands to runtimes:
/// an <c>X-Amzn-Trace-Id</c> as given, or a W3C <c>traceparent</c> re-written in X-Ray form
/// (the 128-bit trace id split as 1-{8 hex}-{24 hex}, the parent span id, the sampled flag);
/// and back, for the local cloud's own spans.
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

    /// <summary>
    /// The W3C parent an X-Ray header names: trace id = Root's 32 hex digits, span id = Parent.
    /// Null when the header is missing, malformed or names no Parent (a span needs a parent span id).
    /// </summary>
    public static ActivityContext? ToActivityContext(string? xrayHeader)
    {
        if (string.IsNullOrWhiteSpace(xrayHeader))
            return null;
        string? root = null, parent = null;
        var sampled = true;
        foreach (var field in xrayHeader.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = field.IndexOf('=');
            if (equals < 0)
                continue;
            var value = field[(equals + 1)..];
            switch (field[..equals])
            {
                case "Root": root = value; break;
                case "Parent": parent = value; break;
                case "Sampled": sampled = value != "0"; break;
            }
        }
        if (root is null || parent is null || XRayRootPattern().Match(root) is not { Success: true } rootMatch || !SpanIdPattern().IsMatch(parent))
            return null;
        var traceId = rootMatch.Groups["epoch"].Value + rootMatch.Groups["random"].Value;
        return new ActivityContext(
            ActivityTraceId.CreateFromString(traceId),
            ActivitySpanId.CreateFromString(parent),
            sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None,
            isRemote: true);
    }

    /// <summary>A W3C <c>traceparent</c> as a parent context; null when missing or malformed.</summary>
    public static ActivityContext? FromTraceparent(string? traceparent) =>
        !string.IsNullOrWhiteSpace(traceparent) && TraceparentPattern().IsMatch(traceparent.Trim())
            && ActivityContext.TryParse(traceparent.Trim(), null, isRemote: true, out var context)
            ? context
            : null;

    /// <summary>The X-Ray header that makes <paramref name="span"/> the parent of whatever receives it.</summary>
    public static string ToXRay(Activity span)
    {
        var traceId = span.TraceId.ToHexString();
        return $"Root=1-{traceId[..8]}-{traceId[8..]};Parent={span.SpanId.ToHexString()};Sampled=1";
    }

    // version 00 only; an all-zero trace or span id is invalid (W3C Trace Context §3.2.2).
    [GeneratedRegex("^00-(?<trace>(?!0{32})[0-9a-f]{32})-(?<span>(?!0{16})[0-9a-f]{16})-(?<flags>[0-9a-f]{2})$")]
    private static partial Regex TraceparentPattern();

    [GeneratedRegex("^1-(?<epoch>[0-9a-f]{8})-(?<random>[0-9a-f]{24})$")]
    private static partial Regex XRayRootPattern();

    [GeneratedRegex("^(?!0{16})[0-9a-f]{16}$")]
    private static partial Regex SpanIdPattern();
}
