using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Patterns.Tests.LocalCloud.Triggers.Sns;

/// <summary>An HTTP endpoint on a free 127.0.0.1 port that records every POST and answers with the status <see cref="Status"/> says.</summary>
internal sealed class RecordingEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public RecordingEndpoint()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/sns/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string Url { get; }

    /// <summary>The status to answer with; 200 unless a test says otherwise.</summary>
    public Func<int> Status { get; set; } = () => 200;

    public ConcurrentQueue<RecordedPost> Received { get; } = new();

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return; // stopped
            }
            using var reader = new StreamReader(context.Request.InputStream, System.Text.Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Received.Enqueue(new RecordedPost(headers, body));
            context.Response.StatusCode = Status();
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
