using System.Diagnostics;
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

    private LocalApp(AppModel model, LocalAppOptions options, LocalCloudHost localCloud, ProvisionedApp resources, TimeSpan startupTime)
    {
        _options = options;
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

    public static async Task<LocalApp> StartAsync(AppModel model, LocalAppOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new LocalAppOptions();
        var clock = Stopwatch.StartNew();
        var functionsDirectory = FunctionsBuild.Resolve(model, options);

        var localCloud = await LocalCloudHost.StartAsync(options.LocalCloud, cancellationToken).ConfigureAwait(false);
        try
        {
            using var clients = new EdgeClients(localCloud.EdgeUrl, options.LocalCloud.Region);
            var resources = await new Provisioner(clients, options, functionsDirectory, localCloud.EdgeUrl).ProvisionAsync(model, cancellationToken).ConfigureAwait(false);
            return new LocalApp(model, options, localCloud, resources, clock.Elapsed);
        }
        catch
        {
            await localCloud.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Provisions the model again on the running local cloud, as a second run against a kept endpoint would.</summary>
    internal async Task<ProvisionedApp> ProvisionAgainAsync(CancellationToken cancellationToken)
    {
        using var clients = new EdgeClients(EdgeUrl, _options.LocalCloud.Region);
        return await new Provisioner(clients, _options, FunctionsBuild.Resolve(Model, _options), EdgeUrl).ProvisionAsync(Model, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => LocalCloud.DisposeAsync();
}
