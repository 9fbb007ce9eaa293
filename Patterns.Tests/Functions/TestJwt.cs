using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Patterns.Tests.Functions;

/// <summary>Builds RS256 JWTs and JWKS documents with keys a test holds, to forge, expire or otherwise bend tokens.</summary>
internal static class TestJwt
{
    public static string Sign(RSA key, object header, object payload)
    {
        var signingInput = Encode(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Encode(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Encode(signature);
    }

    /// <summary>The token with its header and payload kept and a signature made by <paramref name="key"/>.</summary>
    public static string Resign(string token, RSA key)
    {
        var parts = token.Split('.');
        var signature = key.SignData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return parts[0] + "." + parts[1] + "." + Encode(signature);
    }

    /// <summary>The token with one byte of its signature changed.</summary>
    public static string Tamper(string token)
    {
        var parts = token.Split('.');
        var signature = Decode(parts[2]);
        signature[signature.Length / 2] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + Encode(signature);
    }

    /// <summary>The token's payload as JSON.</summary>
    public static JsonElement Payload(string token) => JsonDocument.Parse(Decode(token.Split('.')[1])).RootElement;

    /// <summary>A JWKS document publishing the public half of <paramref name="key"/> under <paramref name="keyId"/>.</summary>
    public static string Jwks(RSA key, string keyId)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[] { new { alg = "RS256", e = Encode(parameters.Exponent!), kid = keyId, kty = "RSA", n = Encode(parameters.Modulus!), use = "sig" } },
        });
    }

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Decode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
