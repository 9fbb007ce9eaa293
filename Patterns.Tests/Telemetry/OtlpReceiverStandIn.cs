using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Patterns.Tests.Support;

namespace Patterns.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver on a free port of 127.0.0.1 whose every answer the test decides: held
/// back, an error, a closed connection. Records each request with the connection it came on.
/// </summary>
internal sealed class OtlpReceiverStandIn : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly Func<ReceivedExport, StandInAnswer> answer;
    private readonly CancellationTokenSource stop = new();
    private readonly Lock sync = new();
    private readonly List<ReceivedExport> received = [];
    private readonly List<Task> connections = [];
    private readonly Task accepting;
    private int accepted;
    private int closed;

    private OtlpReceiverStandIn(Func<ReceivedExport, StandInAnswer> answer)
    {
        this.answer = answer;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        accepting = AcceptAsync();
    }

    public Uri TracesUri => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v1/traces");

    public IReadOnlyList<ReceivedExport> Received
    {
        get { lock (sync) return [.. received]; }
    }

    /// <summary>Connections this side has closed.</summary>
    public int Closed => Volatile.Read(ref closed);

    public static OtlpReceiverStandIn Start(Func<ReceivedExport, StandInAnswer> answer) => new(answer);

    public Task<IReadOnlyList<ReceivedExport>> WaitForAsync(int count) =>
        Poll.UntilAsync(() => Task.FromResult(Received), r => r.Count >= count, TimeSpan.FromSeconds(10), $"{count} export requests");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        Task[] running;
        lock (sync)
            running = [accepting, .. connections];
        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var id = Interlocked.Increment(ref accepted);
            lock (sync)
                connections.Add(ServeAsync(client, id));
        }
    }

    private async Task ServeAsync(TcpClient client, int id)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var pending = new List<byte>();
                while (await ReadRequestAsync(stream, pending, id) is { } export)
                {
                    lock (sync)
                        received.Add(export);
                    var decision = answer(export);
                    if (decision.After is not null)
                        await decision.After.WaitAsync(stop.Token);
                    if (decision.CloseWithoutAnswer)
                        break;
                    var body = decision.Body ?? [];
                    var head = $"HTTP/1.1 {decision.Status} {(decision.Status == 200 ? "OK" : "Failed")}\r\nContent-Type: application/x-protobuf\r\nContent-Length: {body.Length}\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(body).ToArray(), stop.Token);
                    if (decision.CloseAfterAnswer)
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
        {
            // Stopped, or the exporter went away.
        }
        finally
        {
            Interlocked.Increment(ref closed);
        }
    }

    private async Task<ReceivedExport?> ReadRequestAsync(NetworkStream stream, List<byte> pending, int connection)
    {
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(pending)) < 0)
        {
            var read = await stream.ReadAsync(buffer, stop.Token);
            if (read == 0)
                return null;
            pending.AddRange(buffer.AsSpan(0, read));
        }

        var lines = Encoding.ASCII.GetString([.. pending.Take(headEnd)]).Split("\r\n");
        pending.RemoveRange(0, headEnd + 4);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = int.Parse(headers["Content-Length"], CultureInfo.InvariantCulture);
        while (pending.Count < length)
        {
            var read = await stream.ReadAsync(buffer, stop.Token);
            if (read == 0)
                return null;
            pending.AddRange(buffer.AsSpan(0, read));
        }

        var body = pending.Take(length).ToArray();
        pending.RemoveRange(0, length);
        return new ReceivedExport(connection, lines[0], headers, body);
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                return i;
        }

        return -1;
    }
}
