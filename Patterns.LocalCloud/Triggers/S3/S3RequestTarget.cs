using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>
/// The bucket and key an S3 request names: path style (/bucket/key) or virtual-host style
/// (bucket.s3.….amazonaws.com, bucket.localhost). The key is read from the raw request target,
/// so that an encoded '/' or '+' in it is decoded exactly once.
/// </summary>
internal sealed record S3RequestTarget(string? Bucket, string Key)
{
    public static S3RequestTarget Parse(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var query = raw.IndexOf('?');
        var path = query < 0 ? raw : raw[..query];
        if (!path.StartsWith('/') && Uri.TryCreate(path, UriKind.Absolute, out var absolute))
            path = absolute.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped); // a request target in absolute form
        var host = request.Host.Host;
        string? hostBucket = null;
        var s3 = host.IndexOf(".s3.", StringComparison.OrdinalIgnoreCase);
        if (s3 <= 0)
            s3 = host.IndexOf(".s3-", StringComparison.OrdinalIgnoreCase);
        if (host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            hostBucket = host[..^".localhost".Length];
        else if (s3 > 0)
            hostBucket = host[..s3];
        var trimmed = path.TrimStart('/');
        if (hostBucket is not null)
            return new S3RequestTarget(hostBucket, Uri.UnescapeDataString(trimmed));
        var slash = trimmed.IndexOf('/');
        var bucket = slash < 0 ? trimmed : trimmed[..slash];
        var key = slash < 0 ? "" : trimmed[(slash + 1)..];
        return new S3RequestTarget(bucket.Length == 0 ? null : Uri.UnescapeDataString(bucket), Uri.UnescapeDataString(key));
    }
}
