using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Patterns.AwsClients.Core;

/// <summary>
/// AWS Signature Version 4 (AWS4-HMAC-SHA256) in the Authorization header. Our own because
/// AWSSDK.Core's signer is only reachable through its internal request pipeline types.
/// </summary>
internal static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static string EmptyPayloadHash { get; } = HashHex([]);

    public static SigV4Signature Sign(SigV4Request request, AwsCredentials credentials, string region, string service, DateTimeOffset time)
    {
        var amzDate = AmzDate(time);
        var scope = $"{amzDate[..8]}/{region}/{service}/aws4_request";

        var headers = CanonicalHeaders(request.Headers);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            CanonicalUri(request.Path, request.EncodePathTwice),
            CanonicalQuery(request.Query),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaders,
            request.PayloadHash);

        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, HashHex(Encoding.UTF8.GetBytes(canonicalRequest)));
        var key = SigningKey(credentials.SecretAccessKey, amzDate[..8], region, service);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Signature(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    /// <summary>The X-Amz-Date form of a time: yyyyMMddTHHmmssZ in UTC.</summary>
    public static string AmzDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    internal static string CanonicalUri(string path, bool encodeTwice)
    {
        if (path.Length == 0)
            return "/";
        return encodeTwice ? UriEncode(path, keepSlash: true) : path;
    }

    // Names and values are decoded from their wire form and encoded again the one way SigV4
    // accepts, then sorted by name and value.
    internal static string CanonicalQuery(string query)
    {
        if (query.Length == 0)
            return "";
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(parameter =>
            {
                var equals = parameter.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? parameter : parameter[..equals];
                var value = equals < 0 ? "" : parameter[(equals + 1)..];
                return (Name: UriEncode(Uri.UnescapeDataString(name), keepSlash: false), Value: UriEncode(Uri.UnescapeDataString(value), keepSlash: false));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    internal static SortedDictionary<string, string> CanonicalHeaders(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            var trimmed = CollapseSpaces(value);
            canonical[key] = canonical.TryGetValue(key, out var existing) ? $"{existing},{trimmed}" : trimmed;
        }
        return canonical;
    }

    // Leading and trailing spaces go; each run of spaces inside becomes one.
    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.AsSpan().Trim(" \t"))
        {
            if (c is ' ' or '\t')
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>RFC 3986 encoding of every byte outside the unreserved set, upper-case hex.</summary>
    internal static string UriEncode(string value, bool keepSlash)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }
}
