using System.Net;

namespace Functions.Pattern06;

/// <summary>
/// S3 event records carry object keys form-URL-encoded (a space as '+', other bytes as %XX of
/// their UTF-8): "red flower.jpg" arrives as "red+flower.jpg". The key to read the object with
/// is the decoded one.
/// </summary>
public static class S3EventKey
{
    public static string Decode(string encoded) => WebUtility.UrlDecode(encoded);
}
