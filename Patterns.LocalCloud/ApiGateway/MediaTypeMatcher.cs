namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// Whether a media type is one of an API's binaryMediaTypes, which may be exact ("image/png"),
/// a subtype wildcard ("image/*") or everything ("*/*", which also covers a missing type).
/// </summary>
internal static class MediaTypeMatcher
{
    public static bool IsBinary(string? mediaType, IReadOnlyList<string> binaryMediaTypes)
    {
        if (binaryMediaTypes.Count == 0)
            return false;
        var essence = Essence(mediaType);
        foreach (var pattern in binaryMediaTypes)
        {
            if (pattern == "*/*")
                return true;
            if (essence is null)
                continue;
            if (pattern.EndsWith("/*", StringComparison.Ordinal)
                ? essence.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
                : string.Equals(essence, pattern, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>The first media type of an Accept header ("image/png, */*;q=0.8" → "image/png"): API Gateway decides on that one.</summary>
    public static string? FirstAccepted(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
            return null;
        var comma = accept.IndexOf(',');
        return comma < 0 ? accept : accept[..comma];
    }

    // "text/plain; charset=utf-8" → "text/plain"
    private static string? Essence(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType))
            return null;
        var semicolon = mediaType.IndexOf(';');
        return (semicolon < 0 ? mediaType : mediaType[..semicolon]).Trim();
    }
}
