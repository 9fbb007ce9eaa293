using System.Text;

namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>
/// Object keys as S3 writes them into event records: form-URL-encoded (a space is '+', every
/// other byte of the UTF-8 form outside letters, digits and - _ . * is %XX in upper case) except
/// that '/' stays as it is. So "red flower.jpg" is "red+flower.jpg", "café/ü.txt" is
/// "caf%C3%A9/%C3%BC.txt", and a '+' in the key is "%2B".
/// </summary>
internal static class S3KeyEncoder
{
    public static string Encode(string key)
    {
        var encoded = new StringBuilder(key.Length);
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*' or '/')
                encoded.Append(c);
            else if (c == ' ')
                encoded.Append('+');
            else
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
