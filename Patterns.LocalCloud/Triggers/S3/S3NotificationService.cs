using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Triggers.Sns;

namespace Patterns.LocalCloud.Triggers.S3;

/// <summary>
/// S3 on the edge: moto stores buckets and objects; this service keeps bucket notification
/// configurations itself (moto is given an empty one, so that it never delivers on its own,
/// which it would do to SQS and SNS in its own shape) and turns the object calls moto accepted
/// into events: PUT (ObjectCreated:Put, or :Copy with x-amz-copy-source), POST form upload
/// (:Post), CompleteMultipartUpload, DELETE (ObjectRemoved:Delete, or :DeleteMarkerCreated in
/// a versioned bucket) and multi-object delete (one event per key). It reads the calls inline,
/// not as an <see cref="IProxyObserver"/>, because some events need the bodies (the delete
/// result, the form's key).
/// </summary>
internal sealed class S3NotificationService(MotoProxy proxy, MotoClient moto, S3NotificationDispatcher dispatcher, LocalCloudOptions options) : IEdgeService
{
    private static readonly string[] SubResources =
        ["acl", "tagging", "retention", "legal-hold", "torrent", "restore", "select", "attributes", "uploads", "uploadId", "partNumber", "versioning", "policy", "cors", "lifecycle", "website", "encryption", "replication", "logging", "notification", "ownershipControls", "publicAccessBlock", "object-lock", "accelerate", "requestPayment", "inventory", "analytics", "metrics", "intelligent-tiering"];

    private readonly EventSequencer _sequencer = new();

    public string ServiceName => "s3";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = S3RequestTarget.Parse(request);
        try
        {
            if (target.Bucket is not { } bucket)
            {
                await proxy.ForwardAsync(context, ServiceName).ConfigureAwait(false);
                return;
            }
            var query = request.Query;
            if (target.Key.Length == 0 && query.ContainsKey("notification"))
            {
                if (HttpMethods.IsPut(request.Method))
                    await PutNotificationAsync(context, bucket).ConfigureAwait(false);
                else if (HttpMethods.IsGet(request.Method))
                    await GetNotificationAsync(context, bucket).ConfigureAwait(false);
                else
                    await proxy.ForwardAsync(context, ServiceName).ConfigureAwait(false);
                return;
            }
            if (target.Key.Length == 0 && HttpMethods.IsPost(request.Method) && query.ContainsKey("delete"))
            {
                await DeleteObjectsAsync(context, bucket).ConfigureAwait(false);
                return;
            }
            if (target.Key.Length == 0 && HttpMethods.IsPost(request.Method) && request.HasFormContentType)
            {
                await PostObjectAsync(context, bucket).ConfigureAwait(false);
                return;
            }

            await proxy.ForwardAsync(context, ServiceName).ConfigureAwait(false);
            if (context.Response.StatusCode is >= 200 and < 300)
                await OnAcceptedAsync(context, bucket, target.Key).ConfigureAwait(false);
        }
        catch (S3ErrorException error) when (!context.Response.HasStarted)
        {
            await S3Xml.WriteErrorAsync(context, error).ConfigureAwait(false);
        }
    }

    /// <summary>An object call moto accepted: which event it is, if any.</summary>
    private async Task OnAcceptedAsync(HttpContext context, string bucket, string key)
    {
        var request = context.Request;
        if (key.Length == 0)
        {
            if (HttpMethods.IsDelete(request.Method))
                dispatcher.Forget(bucket);
            return;
        }
        if (dispatcher.Get(bucket).Rules.Count == 0)
            return; // nothing to notify: spare the HeadObject a copy or an upload would need
        var query = request.Query;
        var headers = context.Response.Headers;
        var versionId = VersionOf(headers["x-amz-version-id"].ToString());
        if (HttpMethods.IsPut(request.Method) && !SubResources.Any(query.ContainsKey))
        {
            if (request.Headers.ContainsKey("x-amz-copy-source"))
            {
                await RaiseWithHeadAsync(context, "s3:ObjectCreated:Copy", bucket, key, versionId).ConfigureAwait(false);
                return;
            }
            var size = long.TryParse(request.Headers["x-amz-decoded-content-length"].ToString(), out var decoded) ? decoded : request.ContentLength ?? 0;
            Raise(context, "s3:ObjectCreated:Put", bucket, key, size, headers.ETag.ToString().Trim('"'), versionId);
        }
        else if (HttpMethods.IsPost(request.Method) && query.ContainsKey("uploadId") && !query.ContainsKey("partNumber"))
        {
            await RaiseWithHeadAsync(context, "s3:ObjectCreated:CompleteMultipartUpload", bucket, key, versionId).ConfigureAwait(false);
        }
        else if (HttpMethods.IsDelete(request.Method) && !SubResources.Any(query.ContainsKey))
        {
            var markerCreated = string.Equals(headers["x-amz-delete-marker"].ToString(), "true", StringComparison.OrdinalIgnoreCase) && !query.ContainsKey("versionId");
            Raise(context, markerCreated ? "s3:ObjectRemoved:DeleteMarkerCreated" : "s3:ObjectRemoved:Delete", bucket, key, null, null,
                markerCreated ? versionId : VersionOf(query["versionId"].ToString()));
        }
    }

    private static string? VersionOf(string value) => value is { Length: > 0 } and not "null" ? value : null;

    /// <summary>A copy's or a completed upload's size and eTag are the stored object's: asked of moto.</summary>
    private async Task RaiseWithHeadAsync(HttpContext context, string eventName, string bucket, string key, string? versionId)
    {
        var path = "/" + Uri.EscapeDataString(bucket) + "/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString)) + (versionId is null ? "" : "?versionId=" + Uri.EscapeDataString(versionId));
        using var head = moto.CreateRequest(HttpMethod.Head, path, "s3");
        using var response = await moto.Http.SendAsync(head, context.RequestAborted).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            options.Log?.WriteLine($"S3: {eventName} of s3://{bucket}/{key} was not notified: moto answered {(int)response.StatusCode} to HeadObject.");
            return;
        }
        Raise(context, eventName, bucket, key, response.Content.Headers.ContentLength ?? 0, response.Headers.ETag?.Tag.Trim('"') ?? "", versionId);
    }

    private void Raise(HttpContext context, string eventName, string bucket, string key, long? size, string? eTag, string? versionId)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        dispatcher.Dispatch(new S3ObjectEvent(
            eventName, bucket, key, size, eTag, versionId, _sequencer.Next(), DateTimeOffset.UtcNow,
            headers["x-amz-request-id"].ToString() is { Length: > 0 } requestId ? requestId : S3Xml.RequestId(),
            headers["x-amz-id-2"].ToString() is { Length: > 0 } hostId ? hostId : Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            PrincipalOf(request),
            TraceContext.FromHeaders(request.Headers["X-Amzn-Trace-Id"].FirstOrDefault(), request.Headers["traceparent"].FirstOrDefault())));
    }

    /// <summary>The caller as AWS names it in records: "AWS:" and its access key id (the IAM user id in AWS).</summary>
    private static string PrincipalOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        var credential = start < 0 ? request.Query["X-Amz-Credential"].ToString() : authorization[(start + "Credential=".Length)..];
        var slash = credential.IndexOf('/');
        return slash > 0 ? "AWS:" + credential[..slash] : "Anonymous";
    }

    private async Task PutNotificationAsync(HttpContext context, string bucket)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var notifications = NotificationXml.Parse(buffer.ToArray());
        NotificationRules.Validate(notifications);

        // moto keeps an empty configuration (and says whether the bucket exists); the real one is ours.
        var empty = System.Text.Encoding.UTF8.GetBytes(new XElement(S3Xml.Namespace + "NotificationConfiguration").ToString(SaveOptions.DisableFormatting));
        var response = await MotoResponseCapture.ForwardAsync(proxy, context, ServiceName, empty).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            await MotoResponseCapture.WriteAsync(context, response.Body).ConfigureAwait(false);
            return;
        }
        if (!string.Equals(request.Headers["x-amz-skip-destination-validation"].ToString(), "true", StringComparison.OrdinalIgnoreCase))
            await dispatcher.ValidateDestinationsAsync(bucket, notifications, context.RequestAborted).ConfigureAwait(false);
        dispatcher.Set(bucket, notifications);
        var requestId = context.Response.Headers["x-amz-request-id"].ToString() is { Length: > 0 } id ? id : S3Xml.RequestId();
        dispatcher.SendTestEvents(bucket, notifications, requestId, context.Response.Headers["x-amz-id-2"].ToString());
        await MotoResponseCapture.WriteAsync(context, response.Body).ConfigureAwait(false);
    }

    private async Task GetNotificationAsync(HttpContext context, string bucket)
    {
        var response = await MotoResponseCapture.ForwardAsync(proxy, context, ServiceName).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            await MotoResponseCapture.WriteAsync(context, response.Body).ConfigureAwait(false);
            return;
        }
        await S3Xml.WriteAsync(context, 200, NotificationXml.Serialize(dispatcher.Get(bucket))).ConfigureAwait(false);
    }

    /// <summary>DeleteObjects: one event per deleted key, read from moto's result (or, in quiet mode, from the request).</summary>
    private async Task DeleteObjectsAsync(HttpContext context, string bucket)
    {
        var request = context.Request;
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        var response = await MotoResponseCapture.ForwardAsync(proxy, context, ServiceName).ConfigureAwait(false);
        await MotoResponseCapture.WriteAsync(context, response.Body).ConfigureAwait(false);
        if (!response.IsSuccess)
            return;
        XElement? result;
        try
        {
            result = XDocument.Parse(System.Text.Encoding.UTF8.GetString(response.Body)).Root;
        }
        catch (System.Xml.XmlException exception)
        {
            options.Log?.WriteLine($"S3: the DeleteObjects result for {bucket} could not be read, so no ObjectRemoved events were sent: {exception.Message}");
            return;
        }
        var deleted = result?.Elements().Where(e => e.Name.LocalName == "Deleted").ToList() ?? [];
        if (deleted.Count == 0)
        {
            var failed = result?.Elements().Where(e => e.Name.LocalName == "Error").Select(e => Child(e, "Key")).ToHashSet(StringComparer.Ordinal) ?? [];
            var asked = XDocument.Parse(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).Root?.Elements().Where(e => e.Name.LocalName == "Object") ?? [];
            foreach (var entry in asked.Where(o => !failed.Contains(Child(o, "Key"))))
                Raise(context, "s3:ObjectRemoved:Delete", bucket, Child(entry, "Key") ?? "", null, null, VersionOf(Child(entry, "VersionId") ?? ""));
            return;
        }
        foreach (var entry in deleted)
        {
            var markerCreated = string.Equals(Child(entry, "DeleteMarker"), "true", StringComparison.OrdinalIgnoreCase) && Child(entry, "VersionId") is null;
            Raise(context, markerCreated ? "s3:ObjectRemoved:DeleteMarkerCreated" : "s3:ObjectRemoved:Delete", bucket, Child(entry, "Key") ?? "", null, null,
                VersionOf((markerCreated ? Child(entry, "DeleteMarkerVersionId") : Child(entry, "VersionId")) ?? ""));
        }
    }

    /// <summary>A browser-form upload (POST to the bucket): the key is the form's "key" field.</summary>
    private async Task PostObjectAsync(HttpContext context, string bucket)
    {
        var request = context.Request;
        request.EnableBuffering();
        var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        await proxy.ForwardAsync(context, ServiceName).ConfigureAwait(false);
        if (context.Response.StatusCode is < 200 or >= 300 || form["key"].ToString() is not { Length: > 0 } key)
            return;
        if (form.Files.Count > 0)
            key = key.Replace("${filename}", form.Files[0].FileName, StringComparison.Ordinal);
        await RaiseWithHeadAsync(context, "s3:ObjectCreated:Post", bucket, key, VersionOf(context.Response.Headers["x-amz-version-id"].ToString())).ConfigureAwait(false);
    }

    private static string? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}
