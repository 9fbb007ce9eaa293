using System.Text;

namespace Patterns.Tests.LocalCloud.ApiGateway;

internal sealed record RawHttpResponse(int StatusCode, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Headers.Where(header => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).LastOrDefault();

    /// <summary>Parses a response sent with Content-Length and Connection: close (what the edge sends).</summary>
    public static RawHttpResponse Parse(byte[] raw)
    {
        var separator = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (separator < 0)
            throw new InvalidOperationException($"Not an HTTP response: {Encoding.ASCII.GetString(raw)}");
        var lines = Encoding.ASCII.GetString(raw, 0, separator).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => (Name: line[..line.IndexOf(':')], Value: line[(line.IndexOf(':') + 1)..].Trim()))
            .ToList();
        return new RawHttpResponse(status, headers, raw[(separator + 4)..]);
    }
}
