using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Functions.Runtime.Client;

/// <summary>
/// HTTP/1.1 to the Runtime API over one kept-alive TCP connection, read and written with blocking
/// calls on the calling thread. A runtime does one thing at a time (wait for an event, post its
/// result), so the thread that waits is the one the kernel wakes when the event arrives: no event
/// loop and no thread pool stand between the socket and the handler, which is most of a warm
/// invoke's cost on a small machine.
/// </summary>
internal sealed class RuntimeApiConnection : IDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const string PathPrefix = "/2018-06-01/runtime/";

    private readonly string address;
    private readonly string host;
    private readonly int port;
    private readonly byte[] buffer = new byte[16 * 1024];
    private int bufferStart;
    private int bufferEnd;
    private Socket? socket;
    private bool responseStarted;

    /// <param name="address">host:port, as AWS_LAMBDA_RUNTIME_API gives it (already validated).</param>
    public RuntimeApiConnection(string address)
    {
        this.address = address;
        var uri = new Uri($"http://{address}/");
        host = uri.IdnHost;
        port = uri.Port;
    }

    /// <summary>
    /// Sends one request and reads its whole answer. A kept-alive connection that the server closed
    /// while idle is replaced once, as long as no byte of an answer arrived on it.
    /// </summary>
    /// <exception cref="IOException">The connection failed or closed early.</exception>
    /// <exception cref="SocketException">The connection could not be made.</exception>
    /// <exception cref="InvalidDataException">The answer is not HTTP/1.x.</exception>
    public RuntimeApiResponse Send(string method, string path, byte[]? body, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var request = Encode(method, path, body, headers);
        var reused = socket is not null;
        try
        {
            return Exchange(request, cancellationToken);
        }
        catch (Exception exception) when (reused && !responseStarted && !cancellationToken.IsCancellationRequested && exception is IOException or SocketException)
        {
            Close();
            return Exchange(request, cancellationToken);
        }
    }

    public void Dispose() => Close();

    private RuntimeApiResponse Exchange(byte[] request, CancellationToken cancellationToken)
    {
        var current = socket ??= Connect();
        responseStarted = false;
        using var registration = cancellationToken.Register(static s => ((Socket)s!).Dispose(), current);
        try
        {
            SendAll(current, request);
            var response = ReadResponse(current, out var keepAlive);
            if (!keepAlive)
                Close();
            return response;
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is IOException or SocketException or ObjectDisposedException)
        {
            Close();
            throw new OperationCanceledException(cancellationToken);
        }
        catch
        {
            Close();
            throw;
        }
    }

    // A blocking socket that no asynchronous call has touched: .NET reads and writes it with plain
    // recv/send, without registering it with the event loop.
    private Socket Connect()
    {
        var connection = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            connection.Connect(host, port);
            return connection;
        }
        catch
        {
            connection.Dispose();
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

    private static void SendAll(Socket connection, byte[] request)
    {
        var sent = 0;
        while (sent < request.Length)
            sent += connection.Send(request, sent, request.Length - sent, SocketFlags.None);
    }

    private RuntimeApiResponse ReadResponse(Socket connection, out bool keepAlive)
    {
        while (true)
        {
            var headerBytes = 0;
            var statusLine = ReadLine(connection, ref headerBytes);
            var (version, status) = ParseStatusLine(statusLine);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (ReadLine(connection, ref headerBytes) is { Length: > 0 } line)
            {
                var colon = line.IndexOf(':');
                if (colon <= 0)
                    throw new InvalidDataException($"The Runtime API sent a malformed header line: \"{line}\".");
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
            }

            // An interim answer (100 Continue) precedes the real one.
            if (status is >= 100 and < 200)
                continue;

            var connectionHeader = headers.GetValueOrDefault("Connection") ?? string.Empty;
            keepAlive = version == "HTTP/1.1"
                ? !connectionHeader.Contains("close", StringComparison.OrdinalIgnoreCase)
                : connectionHeader.Contains("keep-alive", StringComparison.OrdinalIgnoreCase);

            byte[] body;
            if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                body = ReadChunked(connection);
            }
            else if (headers.TryGetValue("Content-Length", out var lengthText))
            {
                if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > Array.MaxLength)
                    throw new InvalidDataException($"The Runtime API sent an invalid Content-Length: \"{lengthText}\".");
                body = ReadExactly(connection, (int)length);
            }
            else if (status is 204 or 304)
            {
                body = [];
            }
            else
            {
                body = ReadToEnd(connection);
                keepAlive = false;
            }
            return new RuntimeApiResponse(status, headers, body);
        }
    }

    private static (string Version, int Status) ParseStatusLine(string line)
    {
        var parts = line.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 999)
        {
            throw new InvalidDataException($"The Runtime API sent a malformed status line: \"{line}\".");
        }
        return (parts[0], status);
    }

    /// <summary>One header line without its line end (CRLF, or a bare LF as lenient servers send).</summary>
    private string ReadLine(Socket connection, ref int headerBytes)
    {
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', bufferStart, bufferEnd - bufferStart);
            if (newline >= 0)
            {
                var length = newline - bufferStart;
                headerBytes += length + 1;
                if (headerBytes > MaxHeaderBytes)
                    throw new InvalidDataException($"The Runtime API sent more than {MaxHeaderBytes} bytes of headers.");
                var line = Encoding.UTF8.GetString(buffer, bufferStart, length > 0 && buffer[newline - 1] == '\r' ? length - 1 : length);
                bufferStart = newline + 1;
                return line;
            }
            if (bufferEnd - bufferStart + headerBytes > MaxHeaderBytes)
                throw new InvalidDataException($"The Runtime API sent more than {MaxHeaderBytes} bytes of headers.");
            if (Fill(connection) == 0)
                throw new IOException("The Runtime API closed the connection before a complete answer.");
        }
    }

    private byte[] ReadExactly(Socket connection, int length)
    {
        var body = new byte[length];
        var filled = Math.Min(length, bufferEnd - bufferStart);
        Buffer.BlockCopy(buffer, bufferStart, body, 0, filled);
        bufferStart += filled;
        while (filled < length)
        {
            var read = connection.Receive(body, filled, length - filled, SocketFlags.None);
            if (read == 0)
                throw new IOException($"The Runtime API closed the connection after {filled} of {length} body bytes.");
            responseStarted = true;
            filled += read;
        }
        return body;
    }

    private byte[] ReadChunked(Socket connection)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var headerBytes = 0;
            var sizeLine = ReadLine(connection, ref headerBytes);
            var sizeText = sizeLine.Split(';', 2)[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                throw new InvalidDataException($"The Runtime API sent a malformed chunk size: \"{sizeLine}\".");
            if (size == 0)
            {
                while (ReadLine(connection, ref headerBytes).Length > 0)
                {
                    // Trailer fields: none of the Runtime API's meaning is carried in them.
                }
                return body.ToArray();
            }
            body.Write(ReadExactly(connection, size));
            if (ReadLine(connection, ref headerBytes).Length != 0)
                throw new InvalidDataException("The Runtime API sent a chunk longer than its size.");
        }
    }

    private byte[] ReadToEnd(Socket connection)
    {
        using var body = new MemoryStream();
        while (true)
        {
            body.Write(buffer, bufferStart, bufferEnd - bufferStart);
            bufferStart = bufferEnd = 0;
            if (Fill(connection) == 0)
                return body.ToArray();
        }
    }

    private int Fill(Socket connection)
    {
        if (bufferStart == bufferEnd)
        {
            bufferStart = bufferEnd = 0;
        }
        else if (bufferEnd == buffer.Length)
        {
            Buffer.BlockCopy(buffer, bufferStart, buffer, 0, bufferEnd - bufferStart);
            bufferEnd -= bufferStart;
            bufferStart = 0;
        }
        if (bufferEnd == buffer.Length)
            throw new InvalidDataException($"The Runtime API sent a header line longer than {buffer.Length} bytes.");
        var read = connection.Receive(buffer, bufferEnd, buffer.Length - bufferEnd, SocketFlags.None);
        if (read > 0)
            responseStarted = true;
        bufferEnd += read;
        return read;
    }

    private void Close()
    {
        socket?.Dispose();
        socket = null;
        bufferStart = bufferEnd = 0;
    }
}
