using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Patterns.LocalCloud.Edge;

/// <summary>
/// Forwards a request to moto unchanged (method, path, query, headers including Host, body)
/// and streams moto's answer back. Observers hear of mutating requests moto accepted.
/// </summary>
internal sealed class MotoProxy(HttpClient moto, string region)
{
    private readonly List<IProxyObserver> _observers = [];

    // Hop-by-hop headers are the connection's, not the message's (RFC 9110 §7.6.1).
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade", "TE", "Trailer",
    };

    /// <summary>Registers an observer; only while the edge is being assembled, before it serves.</summary>
    public void Observe(IProxyObserver observer) => _observers.Add(observer);

    /// <param name="body">
    /// What to send instead of the request's body, for a service that read and changed it (its
    /// Content-Type is the request's); null = the request's body as it is.
    /// </param>
    public async Task ForwardAsync(HttpContext context, string service, ReadOnlyMemory<byte>? body = null)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path.Value + request.QueryString.Value);
        if (body is { } replacement)
            message.Content = new ReadOnlyMemoryContent(replacement);
        else if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
            message.Content = new StreamContent(request.Body);

        foreach (var header in request.Headers)
        {
            if (HopByHop.Contains(header.Key))
                continue;
            if (body is not null && (header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-MD5", StringComparison.OrdinalIgnoreCase)))
                continue;
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Host = header.Value.ToString();
                continue;
            }
            if (!message.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value))
                message.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
        }

        // Some AWS calls are unsigned (Cognito's InitiateAuth, a CLI with --no-sign-request); moto
        // only tells services apart by the credential scope, so give it the one the edge resolved.
        if (service.Length > 0 && ServiceResolver.CredentialScopeService(request) is null)
        {
            var date = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            message.Headers.TryAddWithoutValidation("Authorization",
                $"AWS4-HMAC-SHA256 Credential=anonymous/{date}/{region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
        }

        using var response = await moto.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(header.Key))
                context.Response.Headers[header.Key] = header.Value.ToArray();
        }
        if (request.Method == HttpMethods.Head)
            context.Response.Headers.ContentLength = response.Content.Headers.ContentLength;
        else
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);

        if (response.IsSuccessStatusCode && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var call = new ProxiedCall(service, request, response);
            foreach (var observer in _observers)
                observer.OnProxied(call);
        }
    }

    internal static void DisableBodySizeLimit(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;
    }
}
