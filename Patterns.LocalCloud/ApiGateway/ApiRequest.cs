using Microsoft.AspNetCore.Http;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>A client's request to an API, read once from the HTTP request: what integrations are given.</summary>
/// <param name="Headers">Header fields in arrival order; a repeated header has one value per occurrence.</param>
internal sealed record ApiRequest(
    string HttpMethod,
    InvokeTarget Target,
    IReadOnlyList<KeyValuePair<string, string[]>> Headers,
    byte[] Body,
    string SourceIp,
    string Protocol,
    string Scheme,
    int LocalPort)
{
    public static async Task<ApiRequest> ReadAsync(HttpContext context, InvokeTarget target)
    {
        var request = context.Request;
        var headers = request.Headers
            .Select(header => new KeyValuePair<string, string[]>(header.Key, header.Value.Select(value => value ?? "").ToArray()))
            .ToList();

        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        return new ApiRequest(
            request.Method,
            target,
            headers,
            body,
            context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            request.Protocol,
            request.Scheme,
            context.Connection.LocalPort);
    }

    /// <summary>The last value of a header (case-insensitive name), or null.</summary>
    public string? Header(string name)
    {
        string? found = null;
        foreach (var (key, values) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && values.Length > 0)
                found = values[^1];
        }
        return found;
    }
}
