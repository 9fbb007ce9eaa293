using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>
/// SQS as the edge serves it: moto, except that a message sent with a trace context (an
/// X-Amzn-Trace-Id or traceparent header on SendMessage / SendMessageBatch, JSON or query protocol)
/// gets it as its AWSTraceHeader system attribute, as SQS records the X-Ray header, unless the caller
/// set one. moto keeps no system attributes of batch entries, so such a batch is sent entry by entry
/// and answered in SendMessageBatch's shape. Every other call goes to moto unchanged.
/// </summary>
internal sealed class SqsEdgeService(MotoProxy proxy, MotoClient moto) : IEdgeService
{
    private const string JsonContentType = "application/x-amz-json-1.0";

    public string ServiceName => "sqs";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = request.Headers["X-Amz-Target"].ToString();
        if (target is "AmazonSQS.SendMessage" or "AmazonSQS.SendMessageBatch")
        {
            await HandleJsonAsync(context, target).ConfigureAwait(false);
            return;
        }
        if (HttpMethods.IsPost(request.Method) && target.Length == 0
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            await HandleQueryAsync(context).ConfigureAwait(false);
            return;
        }
        await proxy.ForwardAsync(context, ServiceName).ConfigureAwait(false);
    }

    private static string? TraceHeaderOf(HttpRequest request) =>
        TraceContext.FromHeaders(request.Headers["X-Amzn-Trace-Id"].FirstOrDefault(), request.Headers["traceparent"].FirstOrDefault());

    private async Task HandleJsonAsync(HttpContext context, string target)
    {
        var traceHeader = TraceHeaderOf(context.Request);
        if (target == "AmazonSQS.SendMessage" && traceHeader is null)
        {
            await proxy.ForwardAsync(context, ServiceName).ConfigureAwait(false);
            return;
        }
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (target == "AmazonSQS.SendMessage")
        {
            await ForwardAsync(context, SqsJsonSends.WithTraceHeader(body, traceHeader!)).ConfigureAwait(false);
            return;
        }
        if (SqsJsonSends.EntriesToSplit(body, traceHeader) is not { } split)
        {
            await ForwardAsync(context, null).ConfigureAwait(false);
            return;
        }
        var (queueUrl, entries) = split;
        var results = await SendEachAsync(entries, e => SqsJsonSends.SendAsync(moto, queueUrl, e, traceHeader, context.RequestAborted)).ConfigureAwait(false);
        if (results is null)
        {
            await ForwardAsync(context, null).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = JsonContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(SqsJsonSends.BatchResponse(results).ToJsonString(), Encoding.UTF8).ConfigureAwait(false);
    }

    private async Task HandleQueryAsync(HttpContext context)
    {
        var traceHeader = TraceHeaderOf(context.Request);
        var form = Encoding.UTF8.GetString(await ReadBodyAsync(context).ConfigureAwait(false));
        var fields = QueryHelpers.ParseQuery(form);
        var action = fields.TryGetValue("Action", out var value) ? value.ToString() : "";
        if (action == "SendMessage" && traceHeader is not null)
        {
            await ForwardAsync(context, SqsQuerySends.WithTraceHeader(form, fields, traceHeader) is { } changed ? Encoding.UTF8.GetBytes(changed) : null).ConfigureAwait(false);
            return;
        }
        if (action != "SendMessageBatch" || SqsQuerySends.EntriesToSplit(fields, traceHeader) is not { } entries)
        {
            await ForwardAsync(context, null).ConfigureAwait(false);
            return;
        }
        // The CLI posts to the queue's URL and may leave QueueUrl out of the form.
        var queueUrl = fields.TryGetValue("QueueUrl", out var url) && url.ToString().Length > 0
            ? url.ToString()
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}";
        var version = fields.TryGetValue("Version", out var given) ? given.ToString() : "2012-11-05";
        var results = await SendEachAsync(entries, e => SqsQuerySends.SendAsync(moto, queueUrl, version, e, traceHeader, context.RequestAborted)).ConfigureAwait(false);
        if (results is null)
        {
            await ForwardAsync(context, null).ConfigureAwait(false);
            return;
        }
        var requestId = Guid.NewGuid().ToString();
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/xml";
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        await context.Response.WriteAsync(SqsQuerySends.BatchResponse(results, requestId).ToString(System.Xml.Linq.SaveOptions.DisableFormatting), Encoding.UTF8).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the entries in order, as a batch keeps its order. Null when the first entry failed for
    /// a reason about the whole request (no such queue, …): SQS then answers the batch itself.
    /// </summary>
    private static async Task<List<SqsSendBatchEntry>?> SendEachAsync<T>(List<T> entries, Func<T, Task<SqsSendBatchEntry>> send)
    {
        var results = new List<SqsSendBatchEntry>(entries.Count);
        foreach (var entry in entries)
        {
            var result = await send(entry).ConfigureAwait(false);
            if (results.Count == 0 && result.Failure is { } failure && SqsSendBatchRules.IsRequestError(failure.Code, failure.SenderFault ? 400 : 500))
                return null;
            results.Add(result);
        }
        return results;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        MotoProxy.DisableBodySizeLimit(context);
        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        context.Request.Body.Position = 0;
        return buffer.ToArray();
    }

    /// <param name="body">The changed body; null = the request's own (rewound).</param>
    private Task ForwardAsync(HttpContext context, byte[]? body) =>
        body is null ? proxy.ForwardAsync(context, ServiceName) : proxy.ForwardAsync(context, ServiceName, body);
}
