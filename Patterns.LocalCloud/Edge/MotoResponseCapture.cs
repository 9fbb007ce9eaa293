using Microsoft.AspNetCore.Http;

namespace Patterns.LocalCloud.Edge;

/// <summary>
/// Forwards a request to moto and keeps moto's answer instead of streaming it to the client, so
/// that a service can read it (a multi-object delete's result) or change it (a subscription that
/// is still pending) before answering. Only for calls whose answers are small.
/// </summary>
internal static class MotoResponseCapture
{
    public static async Task<CapturedResponse> ForwardAsync(MotoProxy proxy, HttpContext context, string service, ReadOnlyMemory<byte>? body = null)
    {
        var client = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await proxy.ForwardAsync(context, service, body).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = client;
        }
        return new CapturedResponse(context.Response.StatusCode, buffer.ToArray());
    }

    /// <summary>Sends <paramref name="body"/> as the answer, keeping moto's status and headers.</summary>
    public static async Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
