using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>A JWS in compact form (header.payload.signature, each base64url) taken apart, not yet verified.</summary>
/// <param name="SigningInput">The bytes the signature covers: the first two parts as sent, with their dot.</param>
internal sealed record JsonWebToken(JsonElement Header, JsonElement Payload, byte[] SigningInput, byte[] Signature)
{
    public static bool TryParse(string token, [NotNullWhen(true)] out JsonWebToken? jwt, [NotNullWhen(false)] out string? problem)
    {
        jwt = null;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            problem = $"it is not a JWT (a JWT has three dot-separated parts; this has {parts.Length})";
            return false;
        }
        if (!TryDecodeObject(parts[0], out var header) || !TryDecodeObject(parts[1], out var payload))
        {
            problem = "its header or payload is not base64url-encoded JSON";
            return false;
        }
        if (!TryDecode(parts[2], out var signature))
        {
            problem = "its signature is not base64url";
            return false;
        }
        jwt = new JsonWebToken(header, payload, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature);
        problem = null;
        return true;
    }

    public string? StringClaim(string name) => StringProperty(Payload, name);

    public string? HeaderValue(string name) => StringProperty(Header, name);

    public static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Cloned out of its document, so the element is immutable and safe to share between requests.
    private static bool TryDecodeObject(string part, out JsonElement value)
    {
        value = default;
        if (!TryDecode(part, out var bytes))
            return false;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            value = document.RootElement.Clone();
            return value.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        var base64 = part.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        bytes = new byte[base64.Length];
        if (part.Contains('=') || !Convert.TryFromBase64String(base64, bytes, out var written))
            return false;
        bytes = bytes[..written];
        return true;
    }
}
