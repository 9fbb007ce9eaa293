using Functions.Runtime.Client;
using Patterns.ServiceDefaults.Http;

namespace Patterns.Tests.Functions;

/// <summary>
/// The runtime's blocking HTTP/1.1 connection against what a Runtime API server may send back:
/// interim answers, chunks, answers read to the close, and a kept-alive connection closed while
/// idle, which is replaced once as long as no byte of the answer came.
/// </summary>
public sealed class RuntimeApiConnectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    [Fact]
    public async Task A_chunked_answer_after_an_interim_one_is_read_whole_with_its_headers()
    {
        await using var server = new ScriptedHttpServer((_, _) => new ScriptedAnswer(
            "HTTP/1.1 100 Continue\r\n\r\n" +
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nlambda-runtime-aws-request-id: r1\r\n\r\n" +
            "4\r\nabcd\r\n2;name=value\r\nef\r\n0\r\nTrailer: x\r\n\r\n"));
        using var connection = new RuntimeApiConnection(server.Address);

        var answer = await SendAsync(connection, "GET", "invocation/next");

        Assert.Equal(200, answer.Status);
        Assert.Equal("abcdef", System.Text.Encoding.UTF8.GetString(answer.Body));
        Assert.Equal("r1", answer.Header("Lambda-Runtime-Aws-Request-Id"));
        Assert.True(answer.KeepAlive);
    }

    [Fact]
    public async Task A_kept_alive_connection_the_server_closed_while_idle_is_replaced_once()
    {
        // The first answer keeps the connection alive by HTTP's rules, then the server hangs up.
        await using var server = new ScriptedHttpServer((n, _) => new ScriptedAnswer(
            $"HTTP/1.1 202 Accepted\r\nContent-Length: 1\r\n\r\n{n}", HangUp: n == 1));
        using var connection = new RuntimeApiConnection(server.Address);

        var first = await SendAsync(connection, "POST", "invocation/a/response", "{}"u8.ToArray());
        var second = await SendAsync(connection, "POST", "invocation/b/response", "{}"u8.ToArray());

        Assert.Equal("1", System.Text.Encoding.UTF8.GetString(first.Body));
        Assert.Equal("2", System.Text.Encoding.UTF8.GetString(second.Body));
        Assert.Equal(2, server.ConnectionsAccepted);
    }

    [Fact]
    public async Task A_connection_that_breaks_in_the_middle_of_an_answer_is_not_sent_again()
    {
        await using var server = new ScriptedHttpServer((n, _) => n == 1
            ? new ScriptedAnswer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            : new ScriptedAnswer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", HangUp: true));
        using var connection = new RuntimeApiConnection(server.Address);
        await SendAsync(connection, "GET", "invocation/next");

        var failure = await Assert.ThrowsAsync<IOException>(() => SendAsync(connection, "GET", "invocation/next"));

        Assert.Contains("after 3 of 10 body bytes", failure.Message);
        Assert.Equal(1, server.ConnectionsAccepted);
    }

    [Fact]
    public async Task An_answer_without_a_length_is_read_to_the_close_and_the_next_request_connects_again()
    {
        await using var server = new ScriptedHttpServer((n, _) => new ScriptedAnswer($"HTTP/1.0 200 OK\r\n\r\nbody {n}", HangUp: true));
        using var connection = new RuntimeApiConnection(server.Address);

        var first = await SendAsync(connection, "GET", "invocation/next");
        var second = await SendAsync(connection, "GET", "invocation/next");

        Assert.Equal("body 1", System.Text.Encoding.UTF8.GetString(first.Body));
        Assert.False(first.KeepAlive);
        Assert.Equal("body 2", System.Text.Encoding.UTF8.GetString(second.Body));
        Assert.Equal(2, server.ConnectionsAccepted);
    }

    [Fact]
    public async Task Requests_carry_the_host_their_length_and_their_headers()
    {
        string? seen = null;
        await using var server = new ScriptedHttpServer((_, request) =>
        {
            seen = request;
            return new ScriptedAnswer("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        });
        using var connection = new RuntimeApiConnection(server.Address);

        await SendAsync(connection, "POST", "invocation/r%2F1/error", "{\"e\":1}"u8.ToArray(), [new("Lambda-Runtime-Function-Error-Type", "Boom")]);

        Assert.NotNull(seen);
        Assert.StartsWith("POST /2018-06-01/runtime/invocation/r%2F1/error HTTP/1.1\r\n", seen);
        Assert.Contains($"\r\nHost: {server.Address}\r\n", seen);
        Assert.Contains("\r\nContent-Length: 7\r\n", seen);
        Assert.Contains("\r\nLambda-Runtime-Function-Error-Type: Boom\r\n", seen);
        Assert.EndsWith("\r\n\r\n{\"e\":1}", seen);
    }

    // The connection blocks its calling thread, as the runtime's one thread is meant to be blocked.
    private static Task<HttpAnswer> SendAsync(RuntimeApiConnection connection, string method, string path, byte[]? body = null, KeyValuePair<string, string>[]? headers = null) =>
        Task.Run(() => connection.Send(method, path, body, headers ?? NoHeaders, CancellationToken.None)).WaitAsync(Patience);
}
