using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Functions.Runtime.ExceptionHandling;
using Functions.Runtime.Handlers;

namespace Functions.Runtime.Client;

/// <summary>
/// The HTTP side of the Lambda Runtime API. One client and one kept-alive connection serve the
/// whole life of the process, so a warm invoke costs two local requests and nothing else.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private readonly HttpClient http;
    private readonly string address;
    private readonly JsonSerializerOptions errorJson = LambdaJson.CreateOptions();

    public RuntimeApiClient(string address)
    {
        this.address = address;
        var handler = new SocketsHttpHandler
        {
            // The Runtime API is local; a proxy from the environment must never be in the way.
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30),
        };
        http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://{address}/2018-06-01/runtime/"),
            // invocation/next long-polls until an event arrives, which may be hours.
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
        };
    }

    public async Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        const string operation = "GET invocation/next";
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "invocation/next"), operation, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RuntimeApiException(RuntimeErrors.RuntimeApiRefused(operation, (int)response.StatusCode, await BodyOfAsync(response, cancellationToken)));
        }

        var payload = await ReadAsync(response, operation, cancellationToken);
        var requestId = Header(response, RuntimeApiHeaders.RequestId)
            ?? throw new RuntimeApiException(RuntimeErrors.NextInvocationMissingHeader(RuntimeApiHeaders.RequestId));
        var deadlineMs = long.TryParse(Header(response, RuntimeApiHeaders.DeadlineMs), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? ms
            : throw new RuntimeApiException(RuntimeErrors.NextInvocationMissingHeader(RuntimeApiHeaders.DeadlineMs));

        return new Invocation(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Header(response, RuntimeApiHeaders.InvokedFunctionArn) ?? string.Empty,
            Header(response, RuntimeApiHeaders.TraceId),
            Header(response, RuntimeApiHeaders.ClientContext),
            Header(response, RuntimeApiHeaders.CognitoIdentity),
            payload);
    }

    /// <param name="body">The response payload; null posts an empty body (a handler without a result).</param>
    public Task PostResponseAsync(string requestId, byte[]? body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"invocation/{Uri.EscapeDataString(requestId)}/response")
        {
            Content = new ByteArrayContent(body ?? []),
        };
        return PostAsync(request, $"POST invocation/{requestId}/response", cancellationToken);
    }

    public Task PostErrorAsync(string requestId, ErrorResponse error, CancellationToken cancellationToken) =>
        PostAsync(ErrorRequest($"invocation/{Uri.EscapeDataString(requestId)}/error", error), $"POST invocation/{requestId}/error", cancellationToken);

    public Task PostInitErrorAsync(ErrorResponse error, CancellationToken cancellationToken) =>
        PostAsync(ErrorRequest("init/error", error), "POST init/error", cancellationToken);

    public void Dispose() => http.Dispose();

    private HttpRequestMessage ErrorRequest(string path, ErrorResponse error)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, errorJson));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, error.ErrorType);
        return request;
    }

    /// <summary>
    /// A 4xx to a result (400, 403 for an unknown or finished request id, 413 for a payload over the
    /// limit) fails only that invocation, so it is logged and the loop goes on; a 5xx means the
    /// runtime must exit, as AWS documents.
    /// </summary>
    private async Task PostAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, operation, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var message = RuntimeErrors.RuntimeApiRefused(operation, (int)response.StatusCode, await BodyOfAsync(response, cancellationToken));
        if ((int)response.StatusCode >= 500)
        {
            throw new RuntimeApiException(message);
        }

        await Console.Error.WriteLineAsync(message);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                throw new RuntimeApiException(RuntimeErrors.RuntimeApiUnreachable(address, $"{operation}: {exception.Message}"), exception);
            }
        }
    }

    private async Task<byte[]> ReadAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new RuntimeApiException(RuntimeErrors.RuntimeApiUnreachable(address, $"{operation}: {exception.Message}"), exception);
        }
    }

    private async Task<string> BodyOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(response, $"reading a {(int)response.StatusCode} answer", cancellationToken);
        return body.Length == 0 ? "(empty body)" : System.Text.Encoding.UTF8.GetString(body);
    }

    private static string? Header(HttpResponseMessage response, string name)
    {
        if (!response.Headers.TryGetValues(name, out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
