using Patterns.AwsClients.ApiGateway;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.Lambda;
using Patterns.Hosting.Local;
using Patterns.LocalCloud;

namespace Patterns.Tests.Hosting;

/// <summary>One local cloud on a free port shared by a test class, with the clients the provisioners use.</summary>
public sealed class ProvisioningFixture : IAsyncLifetime
{
    private LocalCloudHost? _host;
    private EdgeClients? _clients;

    public LocalCloudOptions Options { get; } = new() { EdgePort = 0, Log = null };

    public LocalCloudHost Host => _host ?? throw new InvalidOperationException("The local cloud is not started.");

    internal EdgeClients Clients => _clients ?? throw new InvalidOperationException("The local cloud is not started.");

    public async Task InitializeAsync()
    {
        _host = await LocalCloudHost.StartAsync(Options);
        _clients = new EdgeClients(_host.EdgeUrl, Options.Region);
    }

    public async Task DisposeAsync()
    {
        _clients?.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
    }

    public LambdaClient CreateLambdaClient() =>
        new(new AwsClientOptions { Endpoint = Host.EdgeUrl, Region = Options.Region, Credentials = AwsCredentials.Test });

    public ApiGatewayClient CreateApiGatewayClient() =>
        new(new AwsClientOptions { Endpoint = Host.EdgeUrl, Region = Options.Region, Credentials = AwsCredentials.Test });
}
