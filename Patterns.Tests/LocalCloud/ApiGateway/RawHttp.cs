using System.Net.Sockets;
using System.Text;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// Sends an HTTP/1.1 request exactly as written, for what HttpClient cannot express: a header
/// repeated on separate lines, a path whose percent-encoding must reach the server untouched.
/// </summary>
internal static class RawHttp
{
    public static async Task<RawHttpResponse> SendAsync(Uri server, string method, string target, IEnumerable<(string Name, string Value)> headers, byte[]? body = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();

        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\n");
        foreach (var (name, value) in headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (body is not null)
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (body is not null)
            await stream.WriteAsync(body);

        using var received = new MemoryStream();
        await stream.CopyToAsync(received);
        return RawHttpResponse.Parse(received.ToArray());
    }
}
