using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Functions.Pattern02;

/// <summary>
/// Validates a Cognito user pool JWT as the workshop's "in production" note asks: an RS256
/// signature by one of the pool's published keys, the pool as issuer, not expired, token_use id
/// or access, and the app client (aud of an ID token, client_id of an access token).
/// </summary>
internal sealed class CognitoTokenValidator(TokenAuthorizerSettings settings, IJsonWebKeySource keys, TimeProvider time)
{
    public async Task<TokenValidation> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
            return TokenValidation.Invalid($"the token is not a JWT (it has {parts.Length} dot-separated parts, a JWT has 3)");

        JsonElement header, payload;
        byte[] signature;
        try
        {
            header = ParseObject(parts[0]);
            payload = ParseObject(parts[1]);
            signature = Base64Url.Decode(parts[2]);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return TokenValidation.Invalid($"the token's parts are not base64url JSON ({exception.Message})");
        }

        if (Text(header, "alg") != "RS256")
            return TokenValidation.Invalid($"the token is signed with '{Text(header, "alg")}', not RS256");
        var signingKeys = await keys.GetKeysAsync(cancellationToken);
        if (Text(header, "kid") is not { } keyId || !signingKeys.TryGetValue(keyId, out var key))
            return TokenValidation.Invalid($"the token's key id '{Text(header, "kid")}' is not one of the user pool's keys");
        using (var rsa = RSA.Create(key))
        {
            if (!rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                return TokenValidation.Invalid("the token's signature does not verify with the user pool's key");
        }

        if (Text(payload, "iss") != settings.Issuer)
            return TokenValidation.Invalid($"the token was issued by '{Text(payload, "iss")}', not by {settings.Issuer}");
        if (!payload.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var expiresAt))
            return TokenValidation.Invalid("the token has no exp claim");
        if (time.GetUtcNow().ToUnixTimeSeconds() >= expiresAt)
            return TokenValidation.Invalid($"the token expired at {DateTimeOffset.FromUnixTimeSeconds(expiresAt):u}");

        var tokenUse = Text(payload, "token_use");
        var clientId = tokenUse switch
        {
            "id" => Text(payload, "aud"),
            "access" => Text(payload, "client_id"),
            _ => null,
        };
        if (tokenUse is not ("id" or "access"))
            return TokenValidation.Invalid($"the token's token_use is '{tokenUse}'; only id and access tokens are accepted");
        var subject = Text(payload, "sub");
        if (subject is null)
            return TokenValidation.Invalid("the token has no sub claim");
        if (clientId != settings.AppClientId)
            return new TokenValidation(TokenValidationOutcome.OtherClient, subject, $"the token was issued to app client '{clientId}', not to {settings.AppClientId}");
        return new TokenValidation(TokenValidationOutcome.Valid, subject, "");
    }

    private static JsonElement ParseObject(string part)
    {
        using var document = JsonDocument.Parse(Base64Url.Decode(part));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new FormatException("a JWT part is not a JSON object.");
        return document.RootElement.Clone();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
