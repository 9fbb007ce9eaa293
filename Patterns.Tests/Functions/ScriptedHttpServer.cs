using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Patterns.Tests.Functions;

/// <summary>
/// A loopback HTTP server that answers each request with whatever the test scripts, down to the
/// bytes (interim answers, chunks, early hang-ups), to drive a client through what servers may do.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, string, ScriptedAnswer> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _requests;
    private int _accepted;

    /// <param name="script">Given the request's number (from 1, over all connections) and its text.</param>
    public ScriptedHttpServer(Func<int, string, ScriptedAnswer> script)
    {
        _script = script;
        _listener.Start();
        Address = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    /// <summary>host:port.</summary>
    public string Address { get; }

    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException) when (_stop.IsCancellationRequested)
            {
                return; // the listener was stopped before the cancellation reached the pending accept
            }
            Interlocked.Increment(ref _accepted);
            lock (_connections)
                _connections.Add(ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var received = new StringBuilder();
            var buffer = new byte[8192];
            while (true)
            {
                var request = TakeRequest(received);
                if (request is null)
                {
                    int read;
                    try
                    {
                        read = await socket.ReceiveAsync(buffer, _stop.Token);
                    }
                    catch (Exception exception) when (exception is OperationCanceledException or SocketException)
                    {
                        return;
                    }
                    if (read == 0)
                        return;
                    received.Append(Encoding.UTF8.GetString(buffer, 0, read));
                    continue;
                }
                var answer = _script(Interlocked.Increment(ref _requests), request);
                await socket.SendAsync(Encoding.UTF8.GetBytes(answer.Text));
                if (answer.HangUp)
                    return;
            }
        }
    }

    /// <summary>One whole request (head and Content-Length body) off the front of what arrived, or null.</summary>
    private static string? TakeRequest(StringBuilder received)
    {
        var text = received.ToString();
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
            return null;
        var length = 0;
        foreach (var line in text[..headEnd].Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line["Content-Length:".Length..].Trim());
        }
        var end = headEnd + 4 + length;
        if (text.Length < end)
            return null;
        received.Remove(0, end);
        return text[..end];
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_connections)
            connections = [.. _connections];
        await Task.WhenAll(connections);
        _stop.Dispose();
    }
}
