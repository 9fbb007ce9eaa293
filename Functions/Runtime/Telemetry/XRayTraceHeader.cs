using System.Diagnostics;

namespace Functions.Runtime.Telemetry;

/// <summary>
/// The X-Ray trace header Lambda hands a runtime (<c>Root=1-{8 hex}-{24 hex};Parent={16 hex};Sampled=1</c>)
/// read as the W3C parent context it stands for: the trace id is Root's 32 hex digits.
/// </summary>
internal static class XRayTraceHeader
{
    /// <returns>The parent context, or null when the header is absent or lacks a well-formed Root and Parent.</returns>
    public static ActivityContext? ParseParent(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        ReadOnlySpan<char> root = default, parent = default;
        var sampled = false;
        foreach (var range in header.AsSpan().Split(';'))
        {
            var part = header.AsSpan(range).Trim();
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var key = part[..equals];
            var value = part[(equals + 1)..];
            if (key.SequenceEqual("Root"))
            {
                root = value;
            }
            else if (key.SequenceEqual("Parent"))
            {
                parent = value;
            }
            else if (key.SequenceEqual("Sampled"))
            {
                sampled = value.SequenceEqual("1");
            }
        }

        // "1-" + 8 hex digits of time + "-" + 24 hex digits of identifier.
        if (root.Length != 35 || !root.StartsWith("1-") || root[10] != '-' || parent.Length != 16)
        {
            return null;
        }

        Span<char> traceHex = stackalloc char[32];
        root.Slice(2, 8).CopyTo(traceHex);
        root.Slice(11, 24).CopyTo(traceHex[8..]);
        // W3C trace context reserves all-zero ids as invalid.
        if (!IsLowerOrUpperHex(traceHex) || !IsLowerOrUpperHex(parent) || traceHex.IndexOfAnyExcept('0') < 0 || parent.IndexOfAnyExcept('0') < 0)
        {
            return null;
        }

        Span<char> lowerTrace = stackalloc char[32];
        Span<char> lowerParent = stackalloc char[16];
        traceHex.ToLowerInvariant(lowerTrace);
        parent.ToLowerInvariant(lowerParent);
        return new ActivityContext(ActivityTraceId.CreateFromString(lowerTrace), ActivitySpanId.CreateFromString(lowerParent), sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None, isRemote: true);
    }

    private static bool IsLowerOrUpperHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
