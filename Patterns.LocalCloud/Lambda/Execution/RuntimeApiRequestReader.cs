using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>
/// Reads HTTP/1.x requests off one runtime's connection with blocking calls: request line,
/// headers, and a body sized by Content-Length or sent in chunks. What a runtime client may send
/// is all it understands (curl's <c>Expect: 100-continue</c> included); anything else is a
/// <see cref="RuntimeApiProtocolException"/> naming what was wrong.
/// </summary>
internal sealed class RuntimeApiRequestReader(Socket socket, int maxBodyBytes)
{
    private const int MaxHeaderBytes = 64 * 1024;
    private static readonly byte[] Continue = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <returns>The next request; null when the runtime closed the connection between requests.</returns>
    /// <exception cref="IOException">The connection closed in the middle of a request.</exception>
    public RuntimeApiRequest? Read()
    {
        var headerBytes = 0;
        string? requestLine;
        do
        {
            // Lenient as servers are: empty lines before a request line are skipped.
            requestLine = ReadLine(ref headerBytes, endOfStreamAllowed: headerBytes == 0);
            if (requestLine is null)
                return null;
        }
        while (requestLine.Length == 0);

        var (method, path, version) = ParseRequestLine(requestLine);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (ReadLine(ref headerBytes, endOfStreamAllowed: false) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
                throw new RuntimeApiProtocolException(400, "InvalidRequest", $"Malformed header line: \"{line}\".");
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        var connection = headers.GetValueOrDefault("Connection") ?? string.Empty;
        var keepAlive = version == "HTTP/1.1"
            ? !connection.Contains("close", StringComparison.OrdinalIgnoreCase)
            : connection.Contains("keep-alive", StringComparison.OrdinalIgnoreCase);
        return new RuntimeApiRequest(method, path, headers, ReadBody(headers), keepAlive);
    }

    private static (string Method, string Path, string Version) ParseRequestLine(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || !parts[1].StartsWith('/') || parts[2] is not ("HTTP/1.1" or "HTTP/1.0"))
            throw new RuntimeApiProtocolException(400, "InvalidRequest", $"Malformed request line: \"{line}\".");
        var query = parts[1].IndexOf('?');
        return (parts[0], query < 0 ? parts[1] : parts[1][..query], parts[2]);
    }

    private byte[] ReadBody(Dictionary<string, string> headers)
    {
        var chunked = headers.TryGetValue("Transfer-Encoding", out var encoding);
        if (chunked && !encoding!.Equals("chunked", StringComparison.OrdinalIgnoreCase))
            throw new RuntimeApiProtocolException(400, "InvalidRequest", $"Transfer-Encoding \"{encoding}\" is not supported; send chunked or a Content-Length.");

        long length = 0;
        if (!chunked && headers.TryGetValue("Content-Length", out var lengthText)
            && !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out length))
        {
            throw new RuntimeApiProtocolException(400, "InvalidRequest", $"Invalid Content-Length: \"{lengthText}\".");
        }
        if (length > maxBodyBytes)
            throw TooLarge();
        if (!chunked && length == 0)
            return [];

        if (headers.TryGetValue("Expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
            socket.Send(Continue);
        return chunked ? ReadChunked() : ReadExactly((int)length);
    }

    private RuntimeApiProtocolException TooLarge() =>
        new(413, "RequestEntityTooLarge", $"Response payload size exceeded maximum allowed payload size ({maxBodyBytes} bytes).");

    private byte[] ReadChunked()
    {
        using var body = new MemoryStream();
        var headerBytes = 0;
        while (true)
        {
            var sizeLine = ReadLine(ref headerBytes, endOfStreamAllowed: false)!;
            var sizeText = sizeLine.Split(';', 2)[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                throw new RuntimeApiProtocolException(400, "InvalidRequest", $"Malformed chunk size: \"{sizeLine}\".");
            if (size == 0)
            {
                while (ReadLine(ref headerBytes, endOfStreamAllowed: false)!.Length > 0)
                {
                    // Trailer fields carry nothing the Runtime API reads.
                }
                return body.ToArray();
            }
            if (body.Length + size > maxBodyBytes)
                throw TooLarge();
            body.Write(ReadExactly(size));
            if (ReadLine(ref headerBytes, endOfStreamAllowed: false)!.Length != 0)
                throw new RuntimeApiProtocolException(400, "InvalidRequest", "A chunk was longer than its size said.");
        }
    }

    private byte[] ReadExactly(int length)
    {
        var body = new byte[length];
        var filled = Math.Min(length, _end - _start);
        Buffer.BlockCopy(_buffer, _start, body, 0, filled);
        _start += filled;
        while (filled < length)
        {
            var read = socket.Receive(body, filled, length - filled, SocketFlags.None);
            if (read == 0)
                throw new IOException($"The runtime closed the connection after {filled} of {length} body bytes.");
            filled += read;
        }
        return body;
    }

    /// <summary>A line without its CRLF (or bare LF); null at a clean end of the stream when allowed.</summary>
    private string? ReadLine(ref int headerBytes, bool endOfStreamAllowed)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                headerBytes += length + 1;
                if (headerBytes > MaxHeaderBytes)
                    throw new RuntimeApiProtocolException(431, "RequestHeaderFieldsTooLarge", $"The request's headers are longer than {MaxHeaderBytes} bytes.");
                var line = Encoding.UTF8.GetString(_buffer, _start, length > 0 && _buffer[newline - 1] == '\r' ? length - 1 : length);
                _start = newline + 1;
                return line;
            }
            if (Fill() == 0)
            {
                if (endOfStreamAllowed && _start == _end)
                    return null;
                throw new IOException("The runtime closed the connection in the middle of a request.");
            }
        }
    }

    private int Fill()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            throw new RuntimeApiProtocolException(431, "RequestHeaderFieldsTooLarge", $"A request line or header is longer than {_buffer.Length} bytes.");
        var read = socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
        _end += read;
        return read;
    }
}
