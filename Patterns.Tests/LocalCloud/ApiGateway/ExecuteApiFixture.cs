using System.Diagnostics;
using System.Text;
using Patterns.LocalCloud;
using Patterns.LocalCloud.ApiGateway;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Moto;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// One moto and one edge per test class, the edge serving execute-api with the executor under
/// test and a fake Lambda, and proxying everything else to moto (so control-plane calls made
/// through it reach the executor as they do in a local cloud).
/// </summary>
public class ExecuteApiFixture : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private readonly TextWriter _logWriter;
    private readonly ActivitySource? _tracing;
    private readonly TimeProvider? _time;
    private MotoServer? _moto;
    private EdgeServer? _edge;

    public ExecuteApiFixture()
        : this(tracing: null, time: null)
    {
    }

    /// <param name="tracing">Where the executor's spans go; null = no spans.</param>
    /// <param name="time">The executor's clock (authorizer results and token expiry); null = the system's.</param>
    protected ExecuteApiFixture(ActivitySource? tracing, TimeProvider? time)
    {
        _tracing = tracing;
        _time = time;
        _logWriter = TextWriter.Synchronized(new StringWriter(_log));
    }

    internal FakeLambdaInvoker Lambda { get; } = new();

    internal LocalCloudOptions Options { get; private set; } = new();

    /// <summary>Talks to the edge, as every client of the local cloud does.</summary>
    public HttpClient Edge { get; private set; } = new();

    /// <summary>Talks to moto behind the edge's back.</summary>
    public HttpClient Moto { get; private set; } = new();

    internal RestApiControlPlane ControlPlane => new(Edge);

    internal RestApiControlPlane ControlPlaneBehindEdge => new(Moto);

    public Uri EdgeUrl => _edge!.Url;

    public string LogText
    {
        get
        {
            // The synchronized writer locks itself while writing.
            lock (_logWriter)
                return _log.ToString();
        }
    }

    public async Task InitializeAsync()
    {
        Options = new LocalCloudOptions { EdgePort = 0, Log = _logWriter };
        var python = await MotoInstaller.ResolvePythonAsync(Options, CancellationToken.None);
        var edgeSocket = EdgeSocket.Bind(0);
        var edgePort = EdgeSocket.PortOf(edgeSocket);
        _moto = await MotoServer.StartAsync(python, edgePort, Options, CancellationToken.None);
        Moto = new HttpClient { BaseAddress = _moto.Url };
        var executor = new ApiGatewayExecutor(new MotoClient(Moto, Options.Region), Lambda, Options, _tracing, _time);
        var proxy = new MotoProxy(Moto, Options.Region);
        proxy.Observe(executor);
        _edge = await EdgeServer.StartAsync(edgeSocket, [executor], proxy, CancellationToken.None);
        Edge = new HttpClient { BaseAddress = _edge.Url };
    }

    public virtual async Task DisposeAsync()
    {
        Edge.Dispose();
        if (_edge is not null)
            await _edge.DisposeAsync();
        if (_moto is not null)
            await _moto.DisposeAsync();
        Moto.Dispose();
    }
}
