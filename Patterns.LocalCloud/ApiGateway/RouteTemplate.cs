namespace Patterns.LocalCloud.ApiGateway;

/// <summary>A resource path template compiled for matching request paths against it.</summary>
internal sealed class RouteTemplate
{
    private readonly RouteSegment[] _segments;

    private RouteTemplate(RouteSegment[] segments) => _segments = segments;

    public static RouteTemplate Parse(string resourcePath) =>
        new(SplitPath(resourcePath).Select(RouteSegment.Parse).ToArray());

    /// <summary>
    /// The segments of a request path. A trailing slash is ignored as API Gateway does, so
    /// "/products/" is "/products"; "/" has none.
    /// </summary>
    public static string[] SplitPath(string path)
    {
        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }

    /// <summary>
    /// Whether the request path's segments fit this template; the path parameters are the
    /// matched segments as sent (still percent-encoded, as API Gateway passes them).
    /// </summary>
    public bool TryMatch(string[] requestSegments, out Dictionary<string, string> parameters)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment.Kind == RouteSegmentKind.Greedy)
            {
                // {name+} takes one or more of the remaining segments, and only as the last segment.
                if (i != _segments.Length - 1 || i >= requestSegments.Length)
                    return false;
                parameters[segment.Text] = string.Join('/', requestSegments, i, requestSegments.Length - i);
                return true;
            }
            if (i >= requestSegments.Length)
                return false;
            var value = requestSegments[i];
            if (segment.Kind == RouteSegmentKind.Literal)
            {
                if (!LiteralMatches(segment.Text, value))
                    return false;
            }
            else
            {
                if (value.Length == 0)
                    return false;
                parameters[segment.Text] = value;
            }
        }
        return requestSegments.Length == _segments.Length;
    }

    /// <summary>
    /// Negative when this template is more specific than the other at the first segment where
    /// their kinds differ: literal beats {param} beats {proxy+}.
    /// </summary>
    public int CompareSpecificity(RouteTemplate other)
    {
        var common = Math.Min(_segments.Length, other._segments.Length);
        for (var i = 0; i < common; i++)
        {
            var difference = _segments[i].Kind.CompareTo(other._segments[i].Kind);
            if (difference != 0)
                return difference;
        }
        return 0;
    }

    private static bool LiteralMatches(string literal, string requestSegment) =>
        string.Equals(literal, requestSegment, StringComparison.Ordinal)
        || (requestSegment.Contains('%') && string.Equals(literal, Uri.UnescapeDataString(requestSegment), StringComparison.Ordinal));
}
