using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Lambda.RuntimeApi;

/// <summary>
/// The Runtime API server on the wire: what any runtime client may send (keep-alive or not,
/// chunked bodies, <c>Expect: 100-continue</c>) and the answers AWS gives to what it must refuse.
/// </summary>
public sealed class RuntimeApiServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly RecordingRuntimeApiHandler _handler = new();
    private RuntimeApiServer _server = null!;

    public Task InitializeAsync()
    {
        _server = RuntimeApiServer.Start(_handler, "Recorded");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_poll_waits_for_its_event_and_gets_it_with_the_runtime_headers()
    {
        using var http = Client();
        var next = http.GetAsync("invocation/next");

        var receiver = await _handler.Polled.WaitAsync(Patience);
        Assert.False(next.IsCompleted);
        var invocation = new PendingInvocation("req-1", "{\"a\":1}"u8.ToArray(), "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", "eyJjdXN0b20iOnt9fQ==");
        var before = DateTimeOffset.UtcNow;
        Assert.True(receiver.Deliver(invocation));
        using var response = await next.WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"a\":1}", await response.Content.ReadAsStringAsync());
        Assert.Equal("req-1", Header(response, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal(_handler.FunctionArn, Header(response, "Lambda-Runtime-Invoked-Function-Arn"));
        Assert.Equal(invocation.TraceHeader, Header(response, "Lambda-Runtime-Trace-Id"));
        Assert.Equal("eyJjdXN0b20iOnt9fQ==", Header(response, "Lambda-Runtime-Client-Context"));
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Header(response, "Lambda-Runtime-Deadline-Ms")));
        Assert.InRange(deadline, before.AddSeconds(_handler.TimeoutSeconds).AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(_handler.TimeoutSeconds).AddSeconds(1));
        Assert.NotEqual(0, invocation.DeliveredTimestamp);
    }

    [Fact]
    public async Task A_result_for_the_current_invocation_is_accepted_and_any_other_is_refused()
    {
        using var http = Client();
        _handler.Current = "req-2";

        using var refused = await http.PostAsync("invocation/req-other/response", new StringContent("{}"));
        using var accepted = await http.PostAsync("invocation/req-2/response", new StringContent("{\"ok\":true}"));
        using var late = await http.PostAsync("invocation/req-2/error", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("InvalidRequestID", ErrorType(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("{\"status\":\"OK\"}", await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var result = Assert.Single(_handler.Results);
        Assert.Equal(("response", "req-2", "{\"ok\":true}"), (result.Kind, result.RequestId, Encoding.UTF8.GetString(result.Body)));
    }

    [Fact]
    public async Task A_chunked_result_sent_after_100_continue_arrives_whole()
    {
        _handler.Current = "req-3";
        using var socket = await ConnectAsync();
        await SendAsync(socket, "POST /2018-06-01/runtime/invocation/req-3/error HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n");

        var interim = await ReadUntilAsync(socket, "\r\n\r\n");
        await SendAsync(socket, "5;ext=1\r\n{\"err\r\n0a\r\norType\":1}\r\n0\r\nX-Trailer: t\r\n\r\n");
        var answer = await ReadUntilAsync(socket, "\"OK\"}");

        Assert.StartsWith("HTTP/1.1 100 Continue", interim);
        Assert.StartsWith("HTTP/1.1 202", answer);
        // The runtime has its 202 before the result is handed on.
        await Poll.UntilAsync(() => Task.FromResult(_handler.Results.Count), count => count > 0, Patience, "the result to be handed on");
        var result = Assert.Single(_handler.Results);
        Assert.Equal(("error", "{\"errorType\":1}"), (result.Kind, Encoding.UTF8.GetString(result.Body)));
    }

    [Fact]
    public async Task A_result_over_six_megabytes_gets_413_and_the_connection_ends()
    {
        _handler.Current = "req-4";
        using var socket = await ConnectAsync();
        await SendAsync(socket, $"POST /2018-06-01/runtime/invocation/req-4/response HTTP/1.1\r\nHost: x\r\nContent-Length: {6 * 1024 * 1024 + 1}\r\n\r\n");

        var answer = await ReadToEndAsync(socket);

        Assert.StartsWith("HTTP/1.1 413", answer);
        Assert.Contains("RequestEntityTooLarge", answer);
        Assert.Empty(_handler.Results);
    }

    [Fact]
    public async Task A_malformed_request_gets_400_naming_it_and_an_unknown_path_404()
    {
        using var http = Client();
        using var unknown = await http.GetAsync("invocation/elsewhere");
        using var socket = await ConnectAsync();
        await SendAsync(socket, "GARBAGE\r\n\r\n");

        var answer = await ReadToEndAsync(socket);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("NotFound", ErrorType(await unknown.Content.ReadAsStringAsync()));
        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("Malformed request line", answer);
    }

    [Fact]
    public async Task A_poll_whose_runtime_hangs_up_is_abandoned()
    {
        var socket = await ConnectAsync();
        await SendAsync(socket, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n");
        var receiver = await _handler.Polled.WaitAsync(Patience);

        socket.Dispose();

        Assert.Same(receiver, await _handler.Abandoned.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_poll_asking_to_close_gets_its_event_and_then_the_connection_ends()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        var receiver = await _handler.Polled.WaitAsync(Patience);

        receiver.Deliver(new PendingInvocation("req-5", "{}"u8.ToArray(), "Root=1-5759e988-bd862e3fe1be46a994272793", null));
        var answer = await ReadToEndAsync(socket);

        Assert.StartsWith("HTTP/1.1 200", answer);
        Assert.Contains("Connection: close", answer);
        Assert.EndsWith("\r\n\r\n{}", answer);
    }

    [Fact]
    public async Task An_init_error_is_accepted_and_handed_on()
    {
        using var http = Client();
        using var content = new StringContent("{\"errorType\":\"Runtime.HandlerNotFound\"}");

        using var response = await http.PostAsync("init/error", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("{\"errorType\":\"Runtime.HandlerNotFound\"}", Encoding.UTF8.GetString(await _handler.InitError.WaitAsync(Patience)));
    }

    private HttpClient Client() => new() { BaseAddress = new Uri($"http://{_server.Address}/2018-06-01/runtime/"), Timeout = Patience };

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPEndPoint.Parse(_server.Address));
        return socket;
    }

    private static async Task SendAsync(Socket socket, string text) => await socket.SendAsync(Encoding.ASCII.GetBytes(text));

    private static async Task<string> ReadUntilAsync(Socket socket, string end)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains(end, StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, timeout.Token);
            if (read == 0)
                break;
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        return received.ToString();
    }

    private static async Task<string> ReadToEndAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, timeout.Token)) > 0)
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        return received.ToString();
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    private static string? ErrorType(string json) => JsonDocument.Parse(json).RootElement.GetProperty("errorType").GetString();
}
