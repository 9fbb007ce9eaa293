using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Patterns.Tests.Functions;

/// <summary>
/// The Lambda Runtime API as a function process sees it, on a free port: a test queues events
/// and awaits what the process posts back. Stopping it aborts a waiting long-poll, as a host that
/// goes away does.
/// </summary>
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";

    private readonly Channel<(string RequestId, string Payload, InvocationHeaders Headers)> pending = Channel.CreateUnbounded<(string, string, InvocationHeaders)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeOutcome>> outcomes = new();
    private readonly TaskCompletionSource<RuntimeOutcome> initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? app;

    /// <summary>host:port, the value of AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; private set; } = string.Empty;

    public Task<RuntimeOutcome> InitError => initError.Task;

    /// <param name="mapMore">Further endpoints on the same server, e.g. a stand-in for an AWS service.</param>
    public static async Task<FakeRuntimeApi> StartAsync(Action<IEndpointRouteBuilder>? mapMore = null)
    {
        var api = new FakeRuntimeApi();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        api.Map(app);
        mapMore?.Invoke(app);
        await app.StartAsync();
        api.app = app;
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api.Address = new Uri(url).Authority;
        return api;
    }

    /// <summary>Queues an event and returns what the function posts for it.</summary>
    public Task<RuntimeOutcome> InvokeAsync(string payload, InvocationHeaders? headers = null) =>
        InvokeAsync(Guid.NewGuid().ToString(), payload, headers);

    public Task<RuntimeOutcome> InvokeAsync(string requestId, string payload, InvocationHeaders? headers = null)
    {
        var outcome = outcomes.GetOrAdd(requestId, _ => new TaskCompletionSource<RuntimeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        pending.Writer.TryWrite((requestId, payload, headers ?? new InvocationHeaders()));
        return outcome.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private void Map(WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.MapGet($"{Prefix}/invocation/next", async context =>
        {
            (string RequestId, string Payload, InvocationHeaders Headers) next;
            try
            {
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
                next = await pending.Reader.ReadAsync(waiting.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return;
            }

            var headers = context.Response.Headers;
            headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
            var deadline = DateTimeOffset.UtcNow + (next.Headers.Timeout ?? TimeSpan.FromMinutes(1));
            headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            headers["Lambda-Runtime-Invoked-Function-Arn"] = next.Headers.InvokedFunctionArn;
            SetIfPresent(headers, "Lambda-Runtime-Trace-Id", next.Headers.TraceId);
            SetIfPresent(headers, "Lambda-Runtime-Client-Context", next.Headers.ClientContext);
            SetIfPresent(headers, "Lambda-Runtime-Cognito-Identity", next.Headers.CognitoIdentity);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(next.Payload), context.RequestAborted);
        });
        app.MapPost($"{Prefix}/invocation/{{requestId}}/response", (HttpContext context, string requestId) => CompleteAsync(context, requestId, RuntimeOutcomeKind.Response));
        app.MapPost($"{Prefix}/invocation/{{requestId}}/error", (HttpContext context, string requestId) => CompleteAsync(context, requestId, RuntimeOutcomeKind.Error));
        app.MapPost($"{Prefix}/init/error", async context =>
        {
            initError.TrySetResult(await ReadOutcomeAsync(context, RuntimeOutcomeKind.InitError));
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        });
    }

    private async Task CompleteAsync(HttpContext context, string requestId, RuntimeOutcomeKind kind)
    {
        if (!outcomes.TryGetValue(requestId, out var outcome))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        outcome.TrySetResult(await ReadOutcomeAsync(context, kind));
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task<RuntimeOutcome> ReadOutcomeAsync(HttpContext context, RuntimeOutcomeKind kind)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault();
        return new RuntimeOutcome(kind, body, errorType);
    }

    private static void SetIfPresent(IHeaderDictionary headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = value;
        }
    }
}
