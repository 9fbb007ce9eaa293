using System.Net;
using System.Net.Sockets;

namespace Patterns.LocalCloud.Edge;

/// <summary>
/// The edge's listening socket, bound before anything else starts. moto has to be told the
/// edge's port (MOTO_PORT) before the edge itself can start, and a port that is only looked up
/// and released in the meantime can be taken by any outgoing connection of the machine; a bound
/// socket keeps it ours until Kestrel listens on it.
/// </summary>
internal static class EdgeSocket
{
    /// <param name="port">The port to bind on 127.0.0.1; 0 for a free one.</param>
    public static Socket Bind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            socket.Dispose();
            throw new InvalidOperationException(
                $"The edge cannot listen on 127.0.0.1:{port}: the port is in use. Another local cloud (or LocalStack) may be running there; stop it or choose another port.",
                exception);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static int PortOf(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
