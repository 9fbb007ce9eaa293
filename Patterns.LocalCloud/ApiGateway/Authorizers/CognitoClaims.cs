using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// A verified token's claims as a REST API passes them in requestContext.authorizer.claims: every
/// value a string, exp and iat written as dates ("Sun Dec 17 07:28:12 UTC 2017"), lists such as
/// cognito:groups joined with commas.
/// </summary>
internal static class CognitoClaims
{
    private static readonly HashSet<string> DateClaims = new(StringComparer.Ordinal) { "exp", "iat" };

    public static JsonObject ToRequestContext(JsonElement payload)
    {
        var claims = new JsonObject();
        foreach (var claim in payload.EnumerateObject())
        {
            if (claim.Value.ValueKind == JsonValueKind.Null)
                continue;
            claims[claim.Name] = DateClaims.Contains(claim.Name) && claim.Value.ValueKind == JsonValueKind.Number && claim.Value.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture)
                : Text(claim.Value);
        }
        return claims;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(',', value.EnumerateArray().Select(Text)),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };
}
