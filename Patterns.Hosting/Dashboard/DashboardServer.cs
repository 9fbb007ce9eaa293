using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Patterns.Hosting.Dashboard.Telemetry;

namespace Patterns.Hosting.Dashboard;

/// <summary>
/// The dashboard: pages for the app's resources, console output, structured logs, traces and
/// invocations, and the OTLP/HTTP receiver that feeds them, on one port of 127.0.0.1.
/// <code>
/// await using var dashboard = await DashboardServer.StartAsync(new DashboardOptions(), modelSource, ct);
/// // give function processes dashboard.OtlpEnvironment; print dashboard.Url
/// </code>
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IDisposable _consoleSubscription;

    private DashboardServer(WebApplication app, IDisposable consoleSubscription, TelemetryStore store, Uri url)
    {
        _app = app;
        _consoleSubscription = consoleSubscription;
        Store = store;
        Url = url;
    }

    /// <summary>The pages, e.g. http://127.0.0.1:18888/.</summary>
    public Uri Url { get; }

    /// <summary>The OTLP/HTTP base endpoint (OTEL_EXPORTER_OTLP_ENDPOINT); signals go to /v1/traces, /v1/logs, /v1/metrics under it.</summary>
    public Uri OtlpEndpoint => Url;

    /// <summary>The variables that point an OpenTelemetry SDK's OTLP exporter at this dashboard.</summary>
    public IReadOnlyDictionary<string, string> OtlpEnvironment => OtlpEnvironmentFor(OtlpEndpoint);

    internal TelemetryStore Store { get; }

    /// <exception cref="InvalidOperationException">The port is taken.</exception>
    public static async Task<DashboardServer> StartAsync(DashboardOptions options, IDashboardModelSource modelSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        var port = DashboardPort.Bind(options.Port);
        try
        {
            return await StartAsync(port, options, modelSource, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    /// <summary>The variables that point an OpenTelemetry SDK's OTLP exporter at a dashboard at <paramref name="url"/>.</summary>
    internal static IReadOnlyDictionary<string, string> OtlpEnvironmentFor(Uri url) => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = url.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
    };

    /// <param name="port">The port <see cref="DashboardPort.Bind"/> reserved; the dashboard listens on it and owns it from here.</param>
    internal static async Task<DashboardServer> StartAsync(DashboardPort port, DashboardOptions options, IDashboardModelSource modelSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(modelSource);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestBodyBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSpans, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLogRecords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMetricPoints, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConsoleLinesPerFunction, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RefreshInterval, TimeSpan.FromMilliseconds(100));

        var store = new TelemetryStore(options.MaxSpans, options.MaxLogRecords, options.MaxMetricPoints, options.MaxConsoleLinesPerFunction);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseSockets(sockets => sockets.CreateBoundListenSocket = _ => port.Socket);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port.Number);
            // The receiver enforces its own limit, on the decompressed body too, and answers 413 in OTLP's shape.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseRouting();
        DashboardEndpoints.Map(app, store, modelSource, options);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var subscription = modelSource.SubscribeConsole(store.AddConsoleLine);
        return new DashboardServer(app, subscription, store, port.Url);
    }

    public async ValueTask DisposeAsync()
    {
        _consoleSubscription.Dispose();
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
