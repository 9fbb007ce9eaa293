using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Patterns.AwsClients.Core;

/// <summary>
/// Reads the error code and message of a failed call. JSON protocols: the code comes from
/// X-Amzn-ErrorType or the body's __type / code / Type; services differ in which they send and
/// in the message's casing (Lambda: "Message", API Gateway: "message"). The query protocol
/// (CloudFormation, IAM, STS) answers XML: ErrorResponse/Error/{Code, Message}.
/// </summary>
internal static class AwsErrorReader
{
    public static (string Code, string Message) Read(int statusCode, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        string? code = headers.TryGetValue("X-Amzn-ErrorType", out var header) ? header : null;
        string? message = null;
        if (LooksLikeXml(body) && ReadXml(body) is { } xml)
        {
            code ??= xml.Code;
            message = xml.Message;
        }
        else if (body.Length > 0)
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

    private static bool LooksLikeXml(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                continue;
            return b == (byte)'<';
        }
        return false;
    }

    private static (string? Code, string? Message)? ReadXml(byte[] body)
    {
        try
        {
            using var stream = new MemoryStream(body);
            var root = XDocument.Load(stream).Root;
            // Namespaces differ per service and version; the element names do not.
            var error = root?.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Error");
            if (error is null)
                return null;
            return (Child(error, "Code"), Child(error, "Message"));
        }
        catch (XmlException)
        {
            return null; // not XML after all: the JSON reader below takes the body as the message
        }
    }

    private static string? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value is { Length: > 0 } value ? value : null;

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
