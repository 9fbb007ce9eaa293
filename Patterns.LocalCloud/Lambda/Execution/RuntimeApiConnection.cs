using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>
/// One runtime's connection to the Runtime API, served by a thread of its own with blocking
/// calls. A waiting <c>invocation/next</c> is answered by whichever thread has the event (the
/// invoke's own), and a posted result completes the invoke on this thread: between the caller
/// and the function no other thread is woken, which is most of a warm invoke's cost.
/// </summary>
internal sealed class RuntimeApiConnection : IInvocationReceiver
{
    private const string Prefix = "/2018-06-01/runtime/";

    private readonly Socket _socket;
    private readonly IRuntimeApiHandler _handler;
    private readonly RuntimeApiRequestReader _reader;
    // Held while an answer is written: the poll's answer comes from another thread.
    private readonly Lock _writing = new();
    private volatile bool _polling;
    // A poll sent with Connection: close is answered, then the connection ends.
    private volatile bool _closeAfterPoll;

    public RuntimeApiConnection(Socket socket, IRuntimeApiHandler handler, int maxBodyBytes)
    {
        _socket = socket;
        _handler = handler;
        _reader = new RuntimeApiRequestReader(socket, maxBodyBytes);
    }

    /// <summary>Serves requests until the runtime or the server closes the connection.</summary>
    public void Serve()
    {
        try
        {
            while (_reader.Read() is { } request)
            {
                if (_polling)
                {
                    // HTTP/1.1 answers in order, and the poll's answer is still to come.
                    Answer(400, "InvalidRequest", "A request arrived on a connection whose invocation/next is still waiting.", keepAlive: false);
                    return;
                }
                Dispatch(request);
                // A waiting poll keeps the connection (and this read) open until its answer closes it.
                if (!request.KeepAlive && !_polling)
                    return;
            }
        }
        catch (RuntimeApiProtocolException exception)
        {
            Answer(exception.StatusCode, exception.ErrorType, exception.Message, keepAlive: false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            // The runtime or the instance went away mid-request; the process's exit is what reports it.
        }
        finally
        {
            if (_polling)
            {
                _polling = false;
                _handler.Abandon(this);
            }
            Close();
        }
    }

    public void Close() => _socket.Dispose();

    // Ends the connection under this connection's blocked read, which then returns and closes it.
    private void Shutdown()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already closed by the runtime or the server: the end this asked for.
        }
    }

    public bool Deliver(PendingInvocation invocation)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(_handler.TimeoutSeconds).ToUnixTimeMilliseconds();
        var head = new StringBuilder(512)
            .Append("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
            .Append("Lambda-Runtime-Aws-Request-Id: ").Append(invocation.RequestId).Append("\r\n")
            .Append("Lambda-Runtime-Deadline-Ms: ").Append(deadline.ToString(CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Lambda-Runtime-Invoked-Function-Arn: ").Append(_handler.FunctionArn).Append("\r\n")
            .Append("Lambda-Runtime-Trace-Id: ").Append(invocation.TraceHeader).Append("\r\n");
        if (invocation.ClientContext is { } clientContext)
            head.Append("Lambda-Runtime-Client-Context: ").Append(clientContext).Append("\r\n");
        if (_closeAfterPoll)
            head.Append("Connection: close\r\n");
        head.Append("Content-Length: ").Append(invocation.Payload.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");

        _polling = false;
        invocation.DeliveredTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        var written = Write(head.ToString(), invocation.Payload.Span);
        if (_closeAfterPoll)
            Shutdown();
        return written;
    }

    private void Dispatch(RuntimeApiRequest request)
    {
        if (!request.Path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            Answer(404, "NotFound", $"No Runtime API resource at {request.Path}", request.KeepAlive);
            return;
        }
        var route = request.Path[Prefix.Length..].Split('/');
        switch (request.Method, route)
        {
            case ("GET", ["invocation", "next"]):
                _closeAfterPoll = !request.KeepAlive;
                _polling = true;
                _handler.Poll(this);
                break;
            case ("POST", ["invocation", var id, "response"]):
                Complete(request, Uri.UnescapeDataString(id), _handler.Respond);
                break;
            case ("POST", ["invocation", var id, "error"]):
                Complete(request, Uri.UnescapeDataString(id), _handler.Fail);
                break;
            case ("POST", ["init", "error"]):
                Accepted(request.KeepAlive);
                _handler.InitFailed(request.Body);
                break;
            default:
                Answer(404, "NotFound", $"No Runtime API resource for {request.Method} {request.Path}", request.KeepAlive);
                break;
        }
    }

    /// <summary>
    /// The runtime gets its 202 before the invoke is completed, so it polls for the next event while
    /// the result travels on to the caller (on this thread).
    /// </summary>
    private void Complete(RuntimeApiRequest request, string requestId, Func<string, ReadOnlyMemory<byte>, bool> complete)
    {
        if (!_handler.IsCurrent(requestId))
        {
            Answer(400, "InvalidRequestID", $"Invalid request ID: {requestId} is not the invocation in progress.", request.KeepAlive);
            return;
        }
        Accepted(request.KeepAlive);
        complete(requestId, request.Body);
    }

    private void Accepted(bool keepAlive) =>
        Write($"HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 15\r\n{(keepAlive ? "" : "Connection: close\r\n")}\r\n{{\"status\":\"OK\"}}", []);

    private void Answer(int status, string errorType, string message, bool keepAlive)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["errorType"] = errorType, ["errorMessage"] = message });
        var reason = status switch
        {
            400 => "Bad Request",
            404 => "Not Found",
            413 => "Payload Too Large",
            431 => "Request Header Fields Too Large",
            _ => "Error",
        };
        Write($"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n{(keepAlive ? "" : "Connection: close\r\n")}\r\n", body);
    }

    private bool Write(string head, ReadOnlySpan<byte> body)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(head) + body.Length];
        var headLength = Encoding.UTF8.GetBytes(head, bytes);
        body.CopyTo(bytes.AsSpan(headLength));
        try
        {
            lock (_writing)
            {
                var sent = 0;
                while (sent < bytes.Length)
                    sent += _socket.Send(bytes, sent, bytes.Length - sent, SocketFlags.None);
            }
            return true;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }
}
