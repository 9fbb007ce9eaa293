using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Patterns.AwsClients.CognitoIdentityProvider;
using Patterns.AwsClients.EventBridge;
using Patterns.AwsClients.Sns;
using Amazon.DynamoDBv2;
using Patterns.AwsClients.ApiGateway;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.Lambda;
using Patterns.Hosting.Local;
using Patterns.Hosting.Model;
using Patterns.LocalCloud;

namespace Patterns.Hosting.Testing;

/// <summary>
/// A model started from a test, in-process, on a free port:
/// <code>
/// await using var app = await TestApp.StartAsync(PatternsApp.Build(), ct);
/// using var http = app.CreateHttpClient("ProductsAPI");
/// var response = await http.GetAsync("products", ct);
/// </code>
/// Disposing it stops the local cloud and every process it started, and disposes the clients it made.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly LocalApp _app;
    private readonly ConcurrentBag<IDisposable> _clients = [];

    private TestApp(LocalApp app)
    {
        _app = app;
        var options = new AwsClientOptions { Endpoint = app.EdgeUrl, Region = app.Region, Credentials = AwsCredentials.Test };
        Lambda = Track(new LambdaClient(options));
        ApiGateway = Track(new ApiGatewayClient(options));
        Sns = Track(new SnsClient(options));
        Events = Track(new EventBridgeClient(options));
        Cognito = Track(new CognitoIdentityProviderClient(options));
    }

    public static Task<TestApp> StartAsync(AppModel model, CancellationToken cancellationToken = default) =>
        StartAsync(model, new TestAppOptions(), cancellationToken);

    public static async Task<TestApp> StartAsync(AppModel model, TestAppOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = await LocalApp.StartAsync(
            model,
            new LocalAppOptions { LocalCloud = options.LocalCloud with { EdgePort = 0 }, FunctionsDirectory = options.FunctionsDirectory, DashboardPort = options.WithDashboard ? 0 : null },
            cancellationToken).ConfigureAwait(false);
        return new TestApp(app);
    }

    /// <summary>The dashboard, when started with <see cref="TestAppOptions.WithDashboard"/>.</summary>
    public Uri? DashboardUrl => _app.DashboardUrl;

    /// <summary>The local AWS endpoint.</summary>
    public Uri EdgeUrl => _app.EdgeUrl;

    /// <summary>The running local cloud (e.g. its RunningInstances per function).</summary>
    public LocalCloudHost LocalCloud => _app.LocalCloud;

    public AppModel Model => _app.Model;

    /// <summary>What was provisioned: ARNs, API ids and invoke URLs.</summary>
    public ProvisionedApp Resources => _app.Resources;

    /// <summary>The Lambda API of the local cloud.</summary>
    public LambdaClient Lambda { get; }

    /// <summary>The API Gateway control plane of the local cloud.</summary>
    public ApiGatewayClient ApiGateway { get; }

    /// <summary>SNS on the local cloud.</summary>
    public SnsClient Sns { get; }

    /// <summary>EventBridge on the local cloud.</summary>
    public EventBridgeClient Events { get; }

    /// <summary>Cognito user pools on the local cloud (sign users in to get JWTs for secured APIs).</summary>
    public CognitoIdentityProviderClient Cognito { get; }

    /// <summary>An SQS client on the local cloud with test credentials.</summary>
    public IAmazonSQS CreateSqsClient() =>
        Track(new AmazonSQSClient(new BasicAWSCredentials(AwsCredentials.Test.AccessKeyId, AwsCredentials.Test.SecretAccessKey),
            new AmazonSQSConfig { ServiceURL = EdgeUrl.ToString(), AuthenticationRegion = _app.Region }));

    /// <summary>An S3 client on the local cloud with test credentials, addressing buckets by path.</summary>
    public IAmazonS3 CreateS3Client() => Track(EdgeClients.CreateS3Client(EdgeUrl, _app.Region));

    /// <summary>A client for a REST API of the model: BaseAddress is its invoke URL for its stage (ending with '/'), so relative paths such as "products" work.</summary>
    public HttpClient CreateHttpClient(string restApiName) =>
        Track(new HttpClient { BaseAddress = Resources.RestApi(restApiName).InvokeUrl });

    /// <summary>A DynamoDB client on the local cloud with test credentials.</summary>
    public IAmazonDynamoDB CreateDynamoDbClient() => Track(EdgeClients.CreateDynamoDbClient(EdgeUrl, _app.Region));

    internal LocalApp LocalApp => _app;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private T Track<T>(T client) where T : IDisposable
    {
        _clients.Add(client);
        return client;
    }
}
