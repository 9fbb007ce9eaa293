namespace Functions.Pattern02;

/// <summary>base64url without padding, as JWTs and JWKS write their parts (RFC 7515 §2).</summary>
internal static class Base64Url
{
    /// <exception cref="FormatException">The text is not base64url.</exception>
    public static byte[] Decode(string text)
    {
        if (text.Contains('=') || text.Contains('+') || text.Contains('/'))
            throw new FormatException("base64url text has no '=', '+' or '/'.");
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
