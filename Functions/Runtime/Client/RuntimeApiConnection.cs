using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Patterns.ServiceDefaults.Http;

namespace Functions.Runtime.Client;

/// <summary>
/// The runtime's one kept-alive connection to the Runtime API, read and written with blocking
/// calls on the calling thread. A runtime does one thing at a time (wait for an event, post its
/// result), so the thread that waits is the one the kernel wakes when the event arrives: no event
/// loop and no thread pool stand between the socket and the handler, which is most of a warm
/// invoke's cost on a small machine. No timeouts: the long poll for the next event may last hours.
/// </summary>
internal sealed class RuntimeApiConnection(string address) : IDisposable
{
    private const string PathPrefix = "/2018-06-01/runtime/";

    private readonly BlockingHttpConnection connection = new(new Uri($"http://{address}/"), "the Runtime API", timeoutMilliseconds: 0);

    /// <summary>
    /// Sends one request and reads its whole answer. A kept-alive connection that the server closed
    /// while idle is replaced once, as long as no byte of an answer arrived on it.
    /// </summary>
    /// <exception cref="IOException">The connection failed or closed early.</exception>
    /// <exception cref="SocketException">The connection could not be made.</exception>
    /// <exception cref="InvalidDataException">The answer is not HTTP/1.x.</exception>
    public HttpAnswer Send(string method, string path, byte[]? body, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var request = Encode(method, path, body, headers);
        var reused = connection.IsOpen;
        try
        {
            return Exchange(request, cancellationToken);
        }
        catch (Exception exception) when (reused && !connection.AnswerStarted && !cancellationToken.IsCancellationRequested && exception is IOException or SocketException)
        {
            return Exchange(request, cancellationToken);
        }
    }

    public void Dispose() => connection.Dispose();

    private HttpAnswer Exchange(byte[] request, CancellationToken cancellationToken)
    {
        connection.Open();
        using var registration = cancellationToken.Register(static c => ((BlockingHttpConnection)c!).Close(), connection);
        try
        {
            connection.Write(request, 0, request.Length);
            var answer = connection.ReadResponse();
            if (!answer.KeepAlive)
                connection.Close();
            return answer;
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is IOException or SocketException or ObjectDisposedException)
        {
            connection.Close();
            throw new OperationCanceledException(cancellationToken);
        }
        catch
        {
            connection.Close();
            throw;
        }
    }

    private byte[] Encode(string method, string path, byte[]? body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var head = new StringBuilder(256)
            .Append(method).Append(' ').Append(PathPrefix).Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(address).Append("\r\n");
        foreach (var (name, value) in headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (body is not null)
            head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("\r\n");

        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        if (body is null || body.Length == 0)
            return headBytes;
        var request = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(request, 0);
        body.CopyTo(request, headBytes.Length);
        return request;
    }
}
