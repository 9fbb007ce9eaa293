using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Patterns.LocalCloud.Edge;

/// <summary>
/// The one local AWS endpoint, bound to 127.0.0.1. Each request goes to the service of ours
/// registered for its AWS service, or else to moto through the proxy.
/// </summary>
internal sealed class EdgeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EdgeServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <param name="socket">The socket <see cref="EdgeSocket.Bind"/> reserved; the edge listens on it and owns it from here.</param>
    public static async Task<EdgeServer> StartAsync(Socket socket, IReadOnlyList<IEdgeService> services, MotoProxy proxy, CancellationToken cancellationToken)
    {
        var port = EdgeSocket.PortOf(socket);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseSockets(sockets => sockets.CreateBoundListenSocket = _ => socket);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = null; // S3 uploads are as large as the client sends
            kestrel.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var byService = services.ToDictionary(s => s.ServiceName, StringComparer.Ordinal);
        app.Run(context => DispatchAsync(context, byService, proxy));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            socket.Dispose();
            if (exception is IOException)
                throw new InvalidOperationException($"The edge cannot listen on 127.0.0.1:{port}: {exception.Message}", exception);
            throw;
        }
        var address = app.Urls.FirstOrDefault() ?? $"http://127.0.0.1:{port}";
        return new EdgeServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    private static async Task DispatchAsync(HttpContext context, Dictionary<string, IEdgeService> services, MotoProxy proxy)
    {
        var service = ServiceResolver.Resolve(context.Request);
        try
        {
            if (services.TryGetValue(service, out var handler))
                await handler.HandleAsync(context).ConfigureAwait(false);
            else
                await proxy.ForwardAsync(context, service).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (!context.Response.HasStarted)
        {
            // moto is down or refused: say so in the AWS JSON error shape instead of a bare 500.
            await WriteErrorAsync(context, 502, "ServiceUnavailable", $"The local cloud's moto backend did not answer: {exception.Message}").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing is left to answer.
        }
    }

    internal static async Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-ErrorType"] = code;
        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = code, ["message"] = message });
        await context.Response.WriteAsync(body, Encoding.UTF8).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
