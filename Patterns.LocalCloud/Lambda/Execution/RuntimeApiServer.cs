using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>
/// The Lambda Runtime API (2018-06-01) for one instance, on its own loopback port, so that
/// <c>AWS_LAMBDA_RUNTIME_API</c> is a plain host:port exactly as in AWS and any runtime
/// client works unchanged.
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private const int MaxResponseBytes = 6 * 1024 * 1024;

    private readonly WebApplication _app;

    private RuntimeApiServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>host:port, the value of AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; }

    public static async Task<RuntimeApiServer> StartAsync(IRuntimeApiHandler handler, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxResponseBytes + 1;
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context => ServeAsync(context, handler));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RuntimeApiServer(app, new Uri(address).Authority);
    }

    private static async Task ServeAsync(HttpContext context, IRuntimeApiHandler handler)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await ErrorAsync(context, 404, "NotFound", $"No Runtime API resource at {path}").ConfigureAwait(false);
            return;
        }
        var route = path[Prefix.Length..].Split('/');
        switch (context.Request.Method, route)
        {
            case ("GET", ["invocation", "next"]):
                await NextAsync(context, handler).ConfigureAwait(false);
                break;
            case ("POST", ["invocation", var id, "response"]):
                await CompleteAsync(context, id, handler.Respond).ConfigureAwait(false);
                break;
            case ("POST", ["invocation", var id, "error"]):
                await CompleteAsync(context, id, handler.Fail).ConfigureAwait(false);
                break;
            case ("POST", ["init", "error"]):
                handler.InitFailed(await ReadBodyAsync(context).ConfigureAwait(false));
                await AcceptedAsync(context).ConfigureAwait(false);
                break;
            default:
                await ErrorAsync(context, 404, "NotFound", $"No Runtime API resource for {context.Request.Method} {path}").ConfigureAwait(false);
                break;
        }
    }

    private static async Task NextAsync(HttpContext context, IRuntimeApiHandler handler)
    {
        PendingInvocation invocation;
        try
        {
            invocation = await handler.NextAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // the runtime hung up, or the instance is stopping
        }
        var deadline = DateTimeOffset.UtcNow.AddSeconds(handler.TimeoutSeconds).ToUnixTimeMilliseconds();
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = handler.FunctionArn;
        headers["Lambda-Runtime-Trace-Id"] = invocation.TraceHeader;
        if (invocation.ClientContext is { } clientContext)
            headers["Lambda-Runtime-Client-Context"] = clientContext;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = invocation.Payload.Length;
        await context.Response.Body.WriteAsync(invocation.Payload).ConfigureAwait(false);
    }

    private static async Task CompleteAsync(HttpContext context, string requestId, Func<string, ReadOnlyMemory<byte>, bool> complete)
    {
        if (context.Request.ContentLength > MaxResponseBytes)
        {
            await ErrorAsync(context, 413, "RequestEntityTooLarge", $"Response payload size exceeded maximum allowed payload size ({MaxResponseBytes} bytes).").ConfigureAwait(false);
            return;
        }
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (!complete(requestId, body))
        {
            await ErrorAsync(context, 400, "InvalidRequestID", $"Invalid request ID: {requestId} is not the invocation in progress.").ConfigureAwait(false);
            return;
        }
        await AcceptedAsync(context).ConfigureAwait(false);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Task AcceptedAsync(HttpContext context)
    {
        context.Response.StatusCode = 202;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"status\":\"OK\"}", Encoding.UTF8);
    }

    private static Task ErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["errorType"] = errorType, ["errorMessage"] = message }),
            Encoding.UTF8);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
