using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// The RSA signing keys of user pools, read once per pool from the pool's JWKS
/// (<c>/{poolId}/.well-known/jwks.json</c>, which moto serves as Cognito does).
/// </summary>
internal sealed class UserPoolKeys(MotoClient moto)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, RSAParameters>> _pools = new(StringComparer.Ordinal);

    /// <summary>The pool's key with this kid, or null when the pool publishes none.</summary>
    public async Task<RSAParameters?> FindAsync(string poolId, string keyId, CancellationToken cancellationToken)
    {
        if (!_pools.TryGetValue(poolId, out var keys))
        {
            keys = await LoadAsync(poolId, cancellationToken).ConfigureAwait(false);
            _pools[poolId] = keys;
        }
        return keys.TryGetValue(keyId, out var key) ? key : null;
    }

    private async Task<IReadOnlyDictionary<string, RSAParameters>> LoadAsync(string poolId, CancellationToken cancellationToken)
    {
        var path = $"/{Uri.EscapeDataString(poolId)}/.well-known/jwks.json";
        var jwks = await moto.GetJsonAsync("cognito-idp", path, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"moto has no JWKS at {path} for user pool {poolId}.");
        var keys = new Dictionary<string, RSAParameters>(StringComparer.Ordinal);
        foreach (var key in (jwks["keys"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(key, "kty") != "RSA" || Text(key, "kid") is not { } kid || Text(key, "n") is not { } modulus || Text(key, "e") is not { } exponent)
                continue;
            keys[kid] = new RSAParameters { Modulus = Base64Url(modulus), Exponent = Base64Url(exponent) };
        }
        return keys;
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static byte[] Base64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
