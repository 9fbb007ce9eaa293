using Patterns.LocalCloud.ApiGateway;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Moto;
using Patterns.LocalCloud.Telemetry;
using Patterns.LocalCloud.Triggers.EventBridge;
using Patterns.LocalCloud.Triggers.S3;
using Patterns.LocalCloud.Triggers.Sns;
using Patterns.LocalCloud.Triggers.Sqs;

namespace Patterns.LocalCloud;

/// <summary>
/// A running local cloud: the edge on 127.0.0.1, moto behind it, and the services moto lacks
/// (Lambda, API Gateway execution). Configured only through AWS APIs on <see cref="EdgeUrl"/>.
/// Disposing it stops every process it started.
/// </summary>
public sealed class LocalCloudHost : IAsyncDisposable
{
    private readonly Task<MotoServer> _motoStart;
    private readonly CancellationTokenSource _motoStopping;
    private readonly TextWriter? _log;
    private readonly HttpClient _motoHttp;
    private readonly HttpClient _edgeLoopbackHttp;
    private readonly LambdaService _lambda;
    private readonly EdgeServer _edge;
    private readonly LocalCloudTelemetry? _telemetry;
    private readonly EventBridgeService _events;

    // The triggers that deliver in the background, stopped before Lambda so that no delivery outlives it.
    private readonly IReadOnlyList<IAsyncDisposable> _triggers;

    private LocalCloudHost(
        Task<MotoServer> motoStart, CancellationTokenSource motoStopping, HttpClient motoHttp, HttpClient edgeLoopbackHttp, LambdaService lambda, EventBridgeService events, IReadOnlyList<IAsyncDisposable> triggers, EdgeServer edge, LocalCloudTelemetry? telemetry, TextWriter? log)
    {
        _events = events;
        _triggers = triggers;
        _edgeLoopbackHttp = edgeLoopbackHttp;
        _telemetry = telemetry;
        _motoStart = motoStart;
        _motoStopping = motoStopping;
        _log = log;
        _motoHttp = motoHttp;
        _lambda = lambda;
        _edge = edge;
    }

    /// <summary>The local AWS endpoint: give it to the AWS CLI as --endpoint-url, to SDKs as AWS_ENDPOINT_URL.</summary>
    public Uri EdgeUrl => _edge.Url;

    /// <summary>moto's own address, for measuring the edge's overhead; clients use <see cref="EdgeUrl"/>.</summary>
    public Uri MotoUrl => StartedMoto.Url;

    internal int MotoProcessId => StartedMoto.ProcessId;

    private MotoServer StartedMoto => _motoStart.IsCompletedSuccessfully
        ? _motoStart.Result
        : throw new InvalidOperationException("moto_server has not started yet: await WhenMotoReadyAsync first.");

    internal EventBridgeService EventBridge => _events;

    /// <summary>How many function processes are running now, per function name.</summary>
    public IReadOnlyDictionary<string, int> RunningInstances => _lambda.RunningInstances();

    /// <summary>
    /// Waits until the log of every invocation that has answered so far is in CloudWatch Logs
    /// (logs are written in batches, off the invocation's path).
    /// </summary>
    public Task FlushLogsAsync(CancellationToken cancellationToken = default) => _lambda.FlushLogsAsync(cancellationToken);

    /// <summary>Starts the local cloud and returns once the edge listens and moto answers.</summary>
    public static async Task<LocalCloudHost> StartAsync(LocalCloudOptions options, CancellationToken cancellationToken = default)
    {
        var host = await StartServingAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            await host.WhenMotoReadyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return host;
    }

    /// <summary>
    /// Starts the local cloud and returns as soon as the edge listens, while moto_server is still
    /// starting (most of a start is Python importing moto): the services of ours answer at once,
    /// and calls for moto's services wait until moto answers, so a caller can provision in the
    /// meantime. <see cref="WhenMotoReadyAsync"/> tells when moto is up, or why it could not start.
    /// </summary>
    public static async Task<LocalCloudHost> StartServingAsync(LocalCloudOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var edgeSocket = EdgeSocket.Bind(options.EdgePort);
        var edgePort = EdgeSocket.PortOf(edgeSocket);

        // Python first: its start is the longest, and the edge's own start runs beside it.
        var motoStopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Called, not queued: on two cores the thread pool's threads are busy with the rest of the
        // start, and a queued launch waited some 100 ms for one. Python is spawned before the first
        // await (a remembered interpreter is read synchronously); then the caller goes on with its
        // own start while the edge's services are built on the pool.
        var motoStart = StartMotoAsync(options, edgePort, motoStopping.Token);
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);

        var motoHttp = new HttpClient(new MotoGate(motoStart, new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        }))
        { BaseAddress = MotoGate.PlaceholderAddress, Timeout = Timeout.InfiniteTimeSpan };
        var motoClient = new MotoClient(motoHttp, options.Region);

        // The triggers' deliveries go back through the edge, so that whatever serves the target
        // service (moto or ours) handles them as it handles a client's call.
        var edgeLoopback = new MotoClient(new HttpClient(new SocketsHttpHandler { UseCookies = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        { BaseAddress = new Uri($"http://127.0.0.1:{edgePort}/"), Timeout = Timeout.InfiniteTimeSpan }, options.Region);

        var telemetry = options.OtlpEndpoint is { } otlpEndpoint ? new LocalCloudTelemetry(otlpEndpoint, edgePort.ToString(System.Globalization.CultureInfo.InvariantCulture), options.Log) : null;
        var proxy = new MotoProxy(motoHttp, options.Region);
        var lambda = new LambdaService(options, motoClient, edgePort, telemetry?.Lambda, telemetry?.Sqs);
        var apiGateway = new ApiGatewayExecutor(motoClient, lambda, options, telemetry?.ApiGateway);
        proxy.Observe(apiGateway);
        var events = new EventBridgeService(proxy, motoClient, edgeLoopback, lambda, options, telemetry?.EventBridge);
        proxy.Observe(events);
        var sns = new SnsService(proxy, motoClient, edgeLoopback, lambda, options, edgePort, telemetry?.Sns);
        proxy.Observe(sns);
        var s3Notifications = new S3NotificationDispatcher(lambda, motoClient, edgeLoopback, options, telemetry?.S3);
        IAsyncDisposable[] triggers = [events, sns, s3Notifications];
        IEdgeService[] services = [lambda, apiGateway, events, sns, new S3NotificationService(proxy, motoClient, s3Notifications, options), new SqsEdgeService(proxy, motoClient)];
        try
        {
            var edge = await EdgeServer.StartAsync(edgeSocket, services, proxy, cancellationToken).ConfigureAwait(false);
            return new LocalCloudHost(motoStart, motoStopping, motoHttp, edgeLoopback.Http, lambda, events, triggers, edge, telemetry, options.Log);
        }
        catch
        {
            foreach (var trigger in triggers)
                await trigger.DisposeAsync().ConfigureAwait(false);
            await lambda.DisposeAsync().ConfigureAwait(false);
            await StopMotoAsync(motoStart, motoStopping, options.Log).ConfigureAwait(false);
            motoHttp.Dispose();
            edgeLoopback.Http.Dispose();
            telemetry?.Dispose();
            throw;
        }
    }

    /// <summary>Completes when moto_server answers; throws what stopped it from starting.</summary>
    public async Task WhenMotoReadyAsync(CancellationToken cancellationToken = default) =>
        await _motoStart.WaitAsync(cancellationToken).ConfigureAwait(false);

    private static async Task<MotoServer> StartMotoAsync(LocalCloudOptions options, int edgePort, CancellationToken cancellationToken)
    {
        var python = await MotoInstaller.ResolvePythonAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            return await MotoServer.StartAsync(python, edgePort, options, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception) when (options.MotoPython is null)
        {
            // The remembered interpreter may have lost moto since: find one again, once.
            options.Log?.WriteLine($"moto did not start with {python} ({exception.Message.Split(Environment.NewLine)[0]}); looking for Python and moto again.");
            MotoInstaller.Forget(options);
            python = await MotoInstaller.ResolvePythonAsync(options, cancellationToken).ConfigureAwait(false);
            return await MotoServer.StartAsync(python, edgePort, options, cancellationToken).ConfigureAwait(false);
        }
    }

    // Stops moto whether it is up, still starting, or failed to start.
    private static async Task StopMotoAsync(Task<MotoServer> start, CancellationTokenSource stopping, TextWriter? log)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        MotoServer? moto = null;
        try
        {
            moto = await start.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled above while it was starting: its start disposed the process.
        }
        catch (Exception exception)
        {
            // A failed start threw to whoever awaited WhenMotoReadyAsync, and took its process with it.
            log?.WriteLine($"moto_server had not started: {exception.Message}");
        }
        stopping.Dispose();
        if (moto is not null)
            await moto.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _edge.DisposeAsync().ConfigureAwait(false);
        foreach (var trigger in _triggers)
            await trigger.DisposeAsync().ConfigureAwait(false);
        await _lambda.DisposeAsync().ConfigureAwait(false);
        await StopMotoAsync(_motoStart, _motoStopping, _log).ConfigureAwait(false);
        _motoHttp.Dispose();
        _edgeLoopbackHttp.Dispose();
        // Last, so that the spans of requests that were still running are exported too.
        _telemetry?.Dispose();
    }
}
