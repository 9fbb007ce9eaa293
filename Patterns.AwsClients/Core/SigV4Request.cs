namespace Patterns.AwsClients.Core;

/// <summary>
/// What Signature Version 4 signs of a request.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path as sent on the wire (percent-encoded).</param>
/// <param name="Query">The query string as sent on the wire, without '?'; empty when there is none.</param>
/// <param name="Headers">The headers to sign, names in any case; a repeated name signs its values in order.</param>
/// <param name="PayloadHash">Lower-case hex SHA-256 of the body.</param>
/// <param name="EncodePathTwice">
/// Every service but S3 signs the path encoded once more than it is sent (a '%' becomes "%25");
/// S3 signs it as sent.
/// </param>
internal sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash,
    bool EncodePathTwice = true);
