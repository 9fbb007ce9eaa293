using System.Text;
using System.Text.Json;

namespace Patterns.AwsClients.Core;

/// <summary>
/// Reads the error code and message of a failed JSON-protocol call. The code comes from
/// X-Amzn-ErrorType or the body's __type / code / Type; services differ in which they send and
/// in the message's casing (Lambda: "Message", API Gateway: "message").
/// </summary>
internal static class AwsErrorReader
{
    public static (string Code, string Message) Read(int statusCode, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        string? code = headers.TryGetValue("X-Amzn-ErrorType", out var header) ? header : null;
        string? message = null;
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    code ??= Property(document.RootElement, "__type", "code", "Code", "Type");
                    message = Property(document.RootElement, "message", "Message", "errorMessage");
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, a plain-text 502): the body itself is the best message.
                message = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 1000)));
            }
        }
        return (Normalize(code) ?? FallbackCode(statusCode), message ?? "(no message)");
    }

    private static string? Property(JsonElement element, params string[] names)
    {
        foreach (var name in names)
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                return text;
        return null;
    }

    // "ResourceNotFoundException:http://internal.amazon.com/…" and "com.amazon#Code" both mean "Code".
    private static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
            code = code[..colon];
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
            code = code[(hash + 1)..];
        return code.Trim();
    }

    private static string FallbackCode(int statusCode) => statusCode switch
    {
        400 => "BadRequest",
        403 => "AccessDenied",
        404 => "NotFound",
        409 => "Conflict",
        429 => "TooManyRequests",
        >= 500 => "InternalFailure",
        _ => $"Http{statusCode}",
    };
}
