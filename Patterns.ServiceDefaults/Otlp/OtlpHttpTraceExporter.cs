using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using OpenTelemetry.Resources;

using Patterns.ServiceDefaults.Http;

namespace Patterns.ServiceDefaults.Otlp;

/// <summary>
/// OTLP/HTTP protobuf trace export that does not wait for the receiver: each export writes one
/// whole request (POST, Content-Type application/x-protobuf, Content-Length) to a kept-alive
/// connection and returns once the spans have left the process. The receiver's answer is read at
/// the next export, before its request is written (at once when it is there, else waiting up to
/// the timeout), or by <see cref="ReadAnswers"/>. Whatever goes wrong (an error answer, a refused
/// or broken connection, a receiver that stops answering) is written to the error writer with the
/// spans it cost; a broken connection is replaced at the next export. Nothing here throws into
/// the caller. Not thread-safe: the processor exports one batch at a time.
/// </summary>
internal sealed class OtlpHttpTraceExporter : IDisposable
{
    /// <summary>As OpenTelemetry's batch export: a request stays well under a receiver's body limit.</summary>
    internal const int MaxSpansPerRequest = 512;

    private const int MaxContentLengthDigits = 11;

    private readonly Uri endpoint;
    private readonly int timeoutMilliseconds;
    private readonly TextWriter errors;
    private readonly BlockingHttpConnection connection;
    private readonly OtlpTraceSerializer serializer = new();
    private readonly byte[] headUpToLength;
    private readonly ProtobufWriter writer;

    /// <summary>The span count of each request written whose answer is not read yet, oldest first.</summary>
    private readonly Queue<int> unanswered = new();

    /// <param name="endpoint">The receiver's traces URL, http only (e.g. http://127.0.0.1:18888/v1/traces).</param>
    /// <param name="headers">Sent with every request (OTEL_EXPORTER_OTLP_HEADERS).</param>
    /// <param name="errors">Told what went wrong; written from more than one thread, so it must be synchronized.</param>
    public OtlpHttpTraceExporter(Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> headers, int timeoutMilliseconds, TextWriter errors)
    {
        if (endpoint.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"The exporter speaks plain HTTP; {endpoint} is not an http URL.", nameof(endpoint));
        }

        this.endpoint = endpoint;
        this.timeoutMilliseconds = timeoutMilliseconds;
        this.errors = errors;
        connection = new BlockingHttpConnection(endpoint, "the receiver", timeoutMilliseconds);

        var head = new StringBuilder(256)
            .Append("POST ").Append(endpoint.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(endpoint.Authority).Append("\r\n")
            .Append("Content-Type: application/x-protobuf\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ");
        headUpToLength = Encoding.UTF8.GetBytes(head.ToString());
        // The request head goes in front of the message in the same buffer: one write per request.
        writer = new ProtobufWriter(headUpToLength.Length + MaxContentLengthDigits + 4);
    }

    /// <summary>Exports the spans (in requests of at most <see cref="MaxSpansPerRequest"/>).</summary>
    /// <returns>True when every span was written to the receiver's connection; false when some are lost.</returns>
    public bool Export(IReadOnlyList<Activity> spans, Resource resource)
    {
        var sent = true;
        for (var start = 0; start < spans.Count; start += MaxSpansPerRequest)
        {
            sent &= Send(spans, start, Math.Min(MaxSpansPerRequest, spans.Count - start), resource);
        }

        return sent;
    }

    /// <summary>
    /// Reads the answers to earlier requests that are there, reporting any that says something
    /// went wrong. With <paramref name="waitMilliseconds"/> above 0 it waits that long in all for
    /// the ones that are not; a receiver that does not answer in that time loses its connection.
    /// An idle connection that the receiver closed is closed here too, so no request goes to it.
    /// </summary>
    /// <returns>True when no answer is owed any more; false when some are still awaited or were given up on.</returns>
    public bool ReadAnswers(int waitMilliseconds)
    {
        try
        {
            return ReadAnswersOrThrow(waitMilliseconds);
        }
        catch (Exception exception)
        {
            Abandon(exception switch
            {
                IOException => $"the connection closed before the receiver answered ({exception.Message})",
                SocketException => $"the connection broke while the receiver's answer was awaited ({exception.Message})",
                InvalidDataException => $"the receiver's answer is not HTTP/1.x ({exception.Message})",
                _ => $"reading the receiver's answer failed ({exception.GetType().Name}: {exception.Message})",
            });
            return false;
        }
    }

    /// <summary>Waits for the outstanding answers (up to the timeout) and closes the connection.</summary>
    /// <returns>False when answers were still missing.</returns>
    public bool Shutdown()
    {
        var complete = ReadAnswers(timeoutMilliseconds);
        connection.Close();
        return complete;
    }

    /// <summary>One line on the error writer, naming the endpoint.</summary>
    public void Report(string problem)
    {
        try
        {
            errors.WriteLine($"OTLP trace export to {endpoint}: {problem}.");
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // Nowhere left to say it; telemetry must not stop the function.
        }
    }

    public void Dispose() => connection.Dispose();

    private bool Send(IReadOnlyList<Activity> spans, int start, int count, Resource resource)
    {
        try
        {
            ReadAnswers(timeoutMilliseconds);
            writer.Reset();
            serializer.Write(writer, resource, spans, start, count);
            var offset = Frame();
            connection.Open();
            connection.Write(writer.Buffer, offset, writer.Position - offset);
            unanswered.Enqueue(count);
            return true;
        }
        catch (Exception exception)
        {
            var what = exception switch
            {
                SocketException { SocketErrorCode: SocketError.ConnectionRefused } => $"nothing accepts connections at {endpoint.Authority}",
                SocketException { SocketErrorCode: SocketError.TimedOut } when !connection.IsOpen => $"no connection to {endpoint.Authority} within {timeoutMilliseconds} ms",
                SocketException or IOException => $"the connection to {endpoint.Authority} broke ({exception.Message})",
                _ => $"the export failed ({exception.GetType().Name}: {exception.Message})",
            };
            Report($"{what}; spans lost: {count}");
            // A request that went out in part leaves the connection in no state to reuse.
            connection.Close();
            unanswered.Clear();
            return false;
        }
    }

    private bool ReadAnswersOrThrow(int waitMilliseconds)
    {
        var deadline = Environment.TickCount64 + waitMilliseconds;
        while (unanswered.Count > 0)
        {
            if (!connection.CanRead((int)Math.Max(0, deadline - Environment.TickCount64)))
            {
                if (waitMilliseconds > 0)
                {
                    Abandon($"the receiver did not answer within {waitMilliseconds} ms; the connection is replaced");
                }

                return false;
            }

            var response = connection.ReadResponse();
            var spans = unanswered.Dequeue();
            if (OtlpExportAnswer.Problem(response, spans) is { } problem)
            {
                Report(problem);
            }

            if (!response.KeepAlive)
            {
                // Closing after an answer is the receiver's right; only answers still owed are a loss.
                var complete = unanswered.Count == 0;
                if (!complete)
                {
                    Abandon("the receiver closed the connection after an answer");
                }

                connection.Close();
                return complete;
            }
        }

        // Owed nothing, a receiver only speaks to close (its keep-alive ran out) or to break: such
        // a connection is replaced before the next request instead of losing it.
        if (connection.IsOpen && connection.CanRead(0))
        {
            connection.Close();
        }

        return true;
    }

    /// <summary>Gives up on the connection and on the answers still owed on it.</summary>
    private void Abandon(string why)
    {
        var spans = unanswered.Sum();
        Report(spans == 0 ? why : $"{why}; spans possibly lost (sent, never acknowledged): {spans}");
        unanswered.Clear();
        connection.Close();
    }

    /// <summary>Writes the request head just before the message; returns where the request starts.</summary>
    private int Frame()
    {
        Span<byte> digits = stackalloc byte[MaxContentLengthDigits];
        writer.Length.TryFormat(digits, out var digitCount, default, CultureInfo.InvariantCulture);
        var headLength = headUpToLength.Length + digitCount + 4;
        var offset = writer.Prefix - headLength;
        var head = writer.Buffer.AsSpan(offset, headLength);
        headUpToLength.CopyTo(head);
        digits[..digitCount].CopyTo(head[headUpToLength.Length..]);
        "\r\n\r\n"u8.CopyTo(head[(headUpToLength.Length + digitCount)..]);
        return offset;
    }
}
