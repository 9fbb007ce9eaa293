using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Model;
using Patterns.LocalCloud;

namespace Patterns.Hosting.Local;

/// <summary>
/// A model running here: a local cloud started in-process with every resource of the model
/// provisioned on it through the AWS APIs. Disposing it stops everything it started.
/// </summary>
public sealed class LocalApp : IAsyncDisposable
{
    private readonly LocalAppOptions _options;

    private readonly DashboardServer? _dashboard;

    private LocalApp(AppModel model, LocalAppOptions options, LocalCloudHost localCloud, ProvisionedApp resources, TimeSpan startupTime, DashboardServer? dashboard)
    {
        _options = options;
        _dashboard = dashboard;
        Model = model;
        LocalCloud = localCloud;
        Resources = resources;
        StartupTime = startupTime;
    }

    public AppModel Model { get; }

    public LocalCloudHost LocalCloud { get; }

    /// <summary>The local AWS endpoint (AWS_ENDPOINT_URL, --endpoint-url).</summary>
    public Uri EdgeUrl => LocalCloud.EdgeUrl;

    /// <summary>The region resources were provisioned in.</summary>
    public string Region => _options.LocalCloud.Region;

    public ProvisionedApp Resources { get; }

    /// <summary>From the call to StartAsync until every resource was provisioned.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The dashboard's address, when the app runs with one.</summary>
    public Uri? DashboardUrl => _dashboard?.Url;

    /// <summary>The dashboard itself (its telemetry store), for tests.</summary>
    internal DashboardServer? Dashboard => _dashboard;

    public static async Task<LocalApp> StartAsync(AppModel model, LocalAppOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new LocalAppOptions();
        var clock = Stopwatch.StartNew();

        var functionsDirectory = FunctionsBuild.Resolve(model, options);

        // The dashboard's port is bound first, so that function processes and the local cloud's
        // services are given its OTLP endpoint; then the dashboard and the local cloud start side
        // by side, the local cloud starting moto_server, the longest start of all, as its first act.
        LocalDashboardSource? dashboardSource = null;
        DashboardPort? dashboardPort = null;
        var cloudOptions = options.LocalCloud;
        if (options.DashboardPort is { } port)
        {
            dashboardSource = new LocalDashboardSource(model);
            dashboardPort = DashboardPort.Bind(port);
            var functionOutput = cloudOptions.FunctionOutput;
            cloudOptions = cloudOptions with
            {
                OtlpEndpoint = dashboardPort.Url,
                FunctionBaseEnvironment = cloudOptions.FunctionBaseEnvironment.Concat(DashboardServer.OtlpEnvironmentFor(dashboardPort.Url)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                // As Aspire names its projects' telemetry: the resource's name, and the process as its instance.
                FunctionInstanceEnvironment = cloudOptions.FunctionInstanceEnvironment ?? ((function, logStream) => new Dictionary<string, string>
                {
                    ["OTEL_SERVICE_NAME"] = function,
                    ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Uri.EscapeDataString(logStream)}",
                }),
                FunctionOutput = functionOutput is null ? dashboardSource.Publish : (name, line) => { functionOutput(name, line); dashboardSource.Publish(name, line); },
            };
        }

        // Provisioning starts while moto is still starting: the host's own start-up (clients,
        // the provisioner's first calls, the functions) runs beside Python's, and the calls
        // that need moto wait for it at the edge.
        var cloudStart = LocalCloudHost.StartServingAsync(cloudOptions, cancellationToken);
        var dashboardStart = dashboardPort is null
            ? Task.FromResult<DashboardServer?>(null)
            : Task.Run<DashboardServer?>(async () => await DashboardServer.StartAsync(dashboardPort, new DashboardOptions { Port = dashboardPort.Number }, dashboardSource!, cancellationToken).ConfigureAwait(false), CancellationToken.None);
        LocalCloudHost? localCloud = null;
        DashboardServer? dashboard = null;
        try
        {
            localCloud = await cloudStart.ConfigureAwait(false);
            dashboard = await dashboardStart.ConfigureAwait(false);
            using var clients = new EdgeClients(localCloud.EdgeUrl, options.LocalCloud.Region);
            var motoReady = localCloud.WhenMotoReadyAsync(cancellationToken);
            // The local cloud was started just now, with a moto of its own: nothing is there yet.
            var provisioning = new Provisioner(clients, options, functionsDirectory, localCloud.EdgeUrl, freshCloud: true).ProvisionAsync(model, cancellationToken);
            try
            {
                await Task.WhenAll(motoReady, provisioning).ConfigureAwait(false);
            }
            catch (Exception) when (motoReady.IsFaulted)
            {
                // Every call for moto failed because moto did not start: that is the failure to report.
                ExceptionDispatchInfo.Throw(motoReady.Exception!.InnerException!);
            }
            var resources = await provisioning.ConfigureAwait(false);
            dashboardSource?.Attach(localCloud, resources);
            return new LocalApp(model, options, localCloud, resources, clock.Elapsed, dashboard);
        }
        catch
        {
            localCloud ??= await CompletedOrNull(cloudStart, options.LocalCloud.Log).ConfigureAwait(false);
            dashboard ??= await CompletedOrNull(dashboardStart, options.LocalCloud.Log).ConfigureAwait(false);
            if (localCloud is not null)
                await localCloud.DisposeAsync().ConfigureAwait(false);
            if (dashboard is not null)
                await dashboard.DisposeAsync().ConfigureAwait(false);
            else
                dashboardPort?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What a start that ran beside a failed one produced, so that it can be stopped. Its own
    /// failure, if it failed too, goes to the log: the exception being thrown is the one to report.
    /// </summary>
    private static async Task<T?> CompletedOrNull<T>(Task<T> start, TextWriter? log) where T : class?
    {
        await ((Task)start).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        if (start.IsCompletedSuccessfully)
            return start.Result;
        if (start.Exception is { } failure)
            log?.WriteLine($"Also failed while starting: {failure.InnerException?.Message ?? failure.Message}");
        return null;
    }

    /// <summary>Provisions the model again on the running local cloud, as a second run against a kept endpoint would.</summary>
    internal async Task<ProvisionedApp> ProvisionAgainAsync(CancellationToken cancellationToken)
    {
        using var clients = new EdgeClients(EdgeUrl, _options.LocalCloud.Region);
        return await new Provisioner(clients, _options, FunctionsBuild.Resolve(Model, _options), EdgeUrl).ProvisionAsync(Model, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await LocalCloud.DisposeAsync().ConfigureAwait(false);
        if (_dashboard is not null)
            await _dashboard.DisposeAsync().ConfigureAwait(false);
    }
}
