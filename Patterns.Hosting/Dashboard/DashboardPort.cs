using System.Net;
using System.Net.Sockets;

namespace Patterns.Hosting.Dashboard;

/// <summary>
/// The dashboard's port, bound before the dashboard starts, so that its address (the functions'
/// and the local cloud's OTLP endpoint) is known, and kept ours, while the dashboard and the
/// local cloud start side by side. It listens at once: an export that arrives before the
/// dashboard serves waits in the backlog instead of being refused.
/// </summary>
internal sealed class DashboardPort : IDisposable
{
    private DashboardPort(Socket socket)
    {
        Socket = socket;
        Number = ((IPEndPoint)socket.LocalEndPoint!).Port;
        Url = new Uri($"http://127.0.0.1:{Number}/");
    }

    public Socket Socket { get; }

    public int Number { get; }

    public Uri Url { get; }

    /// <param name="port">The port on 127.0.0.1; 0 for a free one.</param>
    /// <exception cref="InvalidOperationException">The port is taken.</exception>
    public static DashboardPort Bind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen();
            return new DashboardPort(socket);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new InvalidOperationException(
                $"The dashboard cannot listen on 127.0.0.1:{port}: {exception.Message}. Another dashboard may be running there; stop it or choose another port (0 picks a free one).",
                exception);
        }
    }

    public void Dispose() => Socket.Dispose();
}
