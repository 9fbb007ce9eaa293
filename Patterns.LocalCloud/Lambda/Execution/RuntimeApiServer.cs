using System.Net;
using System.Net.Sockets;

namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>
/// The Lambda Runtime API (2018-06-01) for one instance, on its own loopback port, so that
/// <c>AWS_LAMBDA_RUNTIME_API</c> is a plain host:port exactly as in AWS and any runtime client
/// works unchanged. A runtime holds one or two connections for its whole life, so each gets a
/// thread that blocks on it (<see cref="RuntimeApiConnection"/>): the kernel wakes exactly the
/// thread that has work, with no event loop or thread pool hop in between.
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    private const int MaxResponseBytes = 6 * 1024 * 1024;

    private readonly Socket _listener;
    private readonly IRuntimeApiHandler _handler;
    private readonly string _name;
    private readonly List<RuntimeApiConnection> _connections = [];
    private bool _stopped;

    private RuntimeApiServer(Socket listener, IRuntimeApiHandler handler, string name)
    {
        _listener = listener;
        _handler = handler;
        _name = name;
        Address = $"127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}";
    }

    /// <summary>host:port, the value of AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; }

    /// <param name="name">Names the server's threads, e.g. after the function.</param>
    public static RuntimeApiServer Start(IRuntimeApiHandler handler, string name)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(16);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        var server = new RuntimeApiServer(listener, handler, name);
        new Thread(server.AcceptLoop) { IsBackground = true, Name = $"Runtime API {name}" }.Start();
        return server;
    }

    private void AcceptLoop()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = _listener.Accept();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return; // stopped
            }
            socket.NoDelay = true;
            var connection = new RuntimeApiConnection(socket, _handler, MaxResponseBytes);
            lock (_connections)
            {
                if (_stopped)
                {
                    connection.Close();
                    return;
                }
                _connections.Add(connection);
            }
            new Thread(() => Serve(connection)) { IsBackground = true, Name = $"Runtime API {_name} connection" }.Start();
        }
    }

    private void Serve(RuntimeApiConnection connection)
    {
        connection.Serve();
        lock (_connections)
            _connections.Remove(connection);
    }

    /// <summary>
    /// Closes the listener and every connection; their threads end on their own. Never waits for
    /// them: an invoke completed on a connection's thread may be what disposes the instance.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        RuntimeApiConnection[] connections;
        lock (_connections)
        {
            _stopped = true;
            connections = [.. _connections];
            _connections.Clear();
        }
        _listener.Dispose();
        foreach (var connection in connections)
            connection.Close();
        return ValueTask.CompletedTask;
    }
}
