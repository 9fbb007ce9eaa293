using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Patterns.ServiceDefaults.Http;

/// <summary>
/// HTTP/1.1 client side of one kept-alive TCP connection, written and read with blocking calls on
/// the calling thread: the Lambda runtime's connection to the Runtime API and the trace exporter's
/// to its OTLP receiver. Writing a request and reading its answer are separate steps, so a caller
/// may leave without waiting for the answer. The socket is a plain blocking one that no
/// asynchronous call touches: .NET then reads and writes it with plain send/recv/poll, without
/// registering it with its event loop or waking another thread, so the thread that waits is the
/// one the kernel wakes.
/// </summary>
internal sealed class BlockingHttpConnection : IDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly string host;
    private readonly int port;
    private readonly string peer;
    private readonly int timeoutMilliseconds;
    private readonly byte[] buffer = new byte[16 * 1024];
    private int bufferStart;
    private int bufferEnd;
    private Socket? socket;

    /// <param name="peer">Who answers, as error messages name it: "the Runtime API", "the receiver".</param>
    /// <param name="timeoutMilliseconds">Bounds connecting, each blocking write and each blocking read; 0 waits as long as it takes.</param>
    public BlockingHttpConnection(Uri endpoint, string peer, int timeoutMilliseconds)
    {
        host = endpoint.IdnHost;
        port = endpoint.Port;
        this.peer = peer;
        this.timeoutMilliseconds = timeoutMilliseconds;
    }

    public bool IsOpen => socket is not null;

    /// <summary>True once a byte of the answer to the last request written has arrived.</summary>
    public bool AnswerStarted { get; private set; }

    /// <exception cref="SocketException">No connection within the timeout.</exception>
    public void Open()
    {
        if (socket is not null)
        {
            return;
        }

        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : Dns.GetHostAddresses(host);
        SocketException? failure = null;
        foreach (var address in addresses)
        {
            var connection = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                // Linux bounds a blocking connect by the send timeout too, so an address that drops
                // packets costs the timeout, not the kernel's two minutes of retries.
                if (timeoutMilliseconds > 0)
                {
                    connection.SendTimeout = timeoutMilliseconds;
                    connection.ReceiveTimeout = timeoutMilliseconds;
                }

                connection.Connect(address, port);
                socket = connection;
                bufferStart = bufferEnd = 0;
                return;
            }
            catch (SocketException exception)
            {
                connection.Dispose();
                failure = exception;
            }
        }

        throw failure ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>Writes all of it or throws; the connection is unusable after a failure.</summary>
    /// <exception cref="SocketException">The connection broke or the peer stopped reading for the timeout.</exception>
    /// <exception cref="ObjectDisposedException">The connection is not open.</exception>
    public void Write(byte[] data, int offset, int count)
    {
        var connection = socket ?? throw new ObjectDisposedException(nameof(BlockingHttpConnection));
        AnswerStarted = false;
        while (count > 0)
        {
            var sent = connection.Send(data, offset, count, SocketFlags.None);
            offset += sent;
            count -= sent;
        }
    }

    /// <summary>
    /// True when bytes are there to read, or the peer closed the connection (a read then says
    /// so at once): waits up to <paramref name="waitMilliseconds"/> (0: not at all).
    /// </summary>
    public bool CanRead(int waitMilliseconds)
    {
        if (bufferEnd > bufferStart)
        {
            return true;
        }

        return socket is { } connection && connection.Poll(TimeSpan.FromMilliseconds(waitMilliseconds), SelectMode.SelectRead);
    }

    /// <summary>Reads one whole answer; blocks (each read up to the timeout) until it is complete.</summary>
    /// <exception cref="IOException">The connection closed before a complete answer.</exception>
    /// <exception cref="SocketException">The connection broke, or a read found nothing for the timeout.</exception>
    /// <exception cref="InvalidDataException">The answer is not HTTP/1.x.</exception>
    public HttpAnswer ReadResponse()
    {
        var connection = socket ?? throw new ObjectDisposedException(nameof(BlockingHttpConnection));
        while (true)
        {
            var headerBytes = 0;
            var statusLine = ReadLine(connection, ref headerBytes);
            var (version, status, reason) = ParseStatusLine(statusLine);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (ReadLine(connection, ref headerBytes) is { Length: > 0 } line)
            {
                var colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    throw new InvalidDataException($"{Peer} sent a malformed header line: \"{line}\".");
                }

                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
            }

            // An interim answer (100 Continue) precedes the real one.
            if (status is >= 100 and < 200)
            {
                continue;
            }

            var connectionHeader = headers.GetValueOrDefault("Connection") ?? string.Empty;
            var keepAlive = version == "HTTP/1.1"
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
                {
                    throw new InvalidDataException($"{Peer} sent an invalid Content-Length: \"{lengthText}\".");
                }

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

            return new HttpAnswer(status, reason, headers, body, keepAlive);
        }
    }

    /// <summary>Also from another thread: a blocked read or write then fails at once.</summary>
    public void Close()
    {
        socket?.Dispose();
        socket = null;
        bufferStart = bufferEnd = 0;
    }

    public void Dispose() => Close();

    private string Peer => char.ToUpperInvariant(peer[0]) + peer[1..];

    private (string Version, int Status, string Reason) ParseStatusLine(string line)
    {
        var parts = line.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 999)
        {
            throw new InvalidDataException($"{Peer} sent a malformed status line: \"{line}\".");
        }

        return (parts[0], status, parts.Length > 2 ? parts[2] : string.Empty);
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
                {
                    throw new InvalidDataException($"{Peer} sent more than {MaxHeaderBytes} bytes of headers.");
                }

                var line = Encoding.UTF8.GetString(buffer, bufferStart, length > 0 && buffer[newline - 1] == '\r' ? length - 1 : length);
                bufferStart = newline + 1;
                return line;
            }

            if (bufferEnd - bufferStart + headerBytes > MaxHeaderBytes)
            {
                throw new InvalidDataException($"{Peer} sent more than {MaxHeaderBytes} bytes of headers.");
            }

            if (Fill(connection) == 0)
            {
                throw new IOException($"{Peer} closed the connection before a complete answer.");
            }
        }
    }

    private byte[] ReadExactly(Socket connection, int length)
    {
        var body = new byte[length];
        var filled = Math.Min(length, bufferEnd - bufferStart);
        System.Buffer.BlockCopy(buffer, bufferStart, body, 0, filled);
        bufferStart += filled;
        while (filled < length)
        {
            var read = connection.Receive(body, filled, length - filled, SocketFlags.None);
            if (read == 0)
            {
                throw new IOException($"{Peer} closed the connection after {filled} of {length} body bytes.");
            }

            AnswerStarted = true;
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
            {
                throw new InvalidDataException($"{Peer} sent a malformed chunk size: \"{sizeLine}\".");
            }

            if (size == 0)
            {
                while (ReadLine(connection, ref headerBytes).Length > 0)
                {
                    // Trailer fields: neither the Runtime API nor OTLP carries anything in them.
                }

                return body.ToArray();
            }

            body.Write(ReadExactly(connection, size));
            if (ReadLine(connection, ref headerBytes).Length != 0)
            {
                throw new InvalidDataException($"{Peer} sent a chunk longer than its size.");
            }
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
            {
                return body.ToArray();
            }
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
            System.Buffer.BlockCopy(buffer, bufferStart, buffer, 0, bufferEnd - bufferStart);
            bufferEnd -= bufferStart;
            bufferStart = 0;
        }

        if (bufferEnd == buffer.Length)
        {
            throw new InvalidDataException($"{Peer} sent a header line longer than {buffer.Length} bytes.");
        }

        var read = connection.Receive(buffer, bufferEnd, buffer.Length - bufferEnd, SocketFlags.None);
        if (read > 0)
        {
            AnswerStarted = true;
        }

        bufferEnd += read;
        return read;
    }
}
