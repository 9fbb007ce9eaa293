using System.Security.Cryptography;
using System.Text.Json;

namespace Functions.Pattern02;

/// <summary>Reads a JWKS document ({"keys":[{"kty":"RSA","kid":…,"n":…,"e":…}]}) into RSA public keys by kid.</summary>
internal static class JsonWebKeys
{
    public static IReadOnlyDictionary<string, RSAParameters> Parse(JsonElement jwks)
    {
        var keys = new Dictionary<string, RSAParameters>(StringComparer.Ordinal);
        if (jwks.ValueKind != JsonValueKind.Object || !jwks.TryGetProperty("keys", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new InvalidOperationException("The JWKS document has no \"keys\" array.");
        foreach (var key in list.EnumerateArray())
        {
            if (Text(key, "kty") != "RSA" || Text(key, "kid") is not { } kid || Text(key, "n") is not { } modulus || Text(key, "e") is not { } exponent)
                continue;
            keys[kid] = new RSAParameters { Modulus = Base64Url.Decode(modulus), Exponent = Base64Url.Decode(exponent) };
        }
        return keys;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
