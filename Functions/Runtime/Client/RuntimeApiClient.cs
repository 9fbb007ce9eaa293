using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Functions.Runtime.ExceptionHandling;
using Functions.Runtime.Handlers;
using Patterns.ServiceDefaults.Http;

namespace Functions.Runtime.Client;

/// <summary>
/// The requests of the Lambda Runtime API (2018-06-01). One kept-alive connection serves the whole
/// life of the process, so a warm invoke costs two local requests and nothing else; every call
/// blocks the runtime's one thread until the answer is in.
/// </summary>
internal sealed class RuntimeApiClient(string address) : IDisposable
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];
    private static readonly KeyValuePair<string, string>[] JsonBody = [new("Content-Type", "application/json")];

    private readonly RuntimeApiConnection connection = new(address);
    private readonly JsonSerializerOptions errorJson = LambdaJson.CreateOptions();

    public Invocation GetNextInvocation(CancellationToken cancellationToken)
    {
        const string operation = "GET invocation/next";
        var response = Send("GET", "invocation/next", null, NoHeaders, operation, cancellationToken);
        if (response.Status != 200)
            throw new RuntimeApiException(RuntimeErrors.RuntimeApiRefused(operation, response.Status, BodyOf(response)));

        var requestId = response.Header(RuntimeApiHeaders.RequestId)
            ?? throw new RuntimeApiException(RuntimeErrors.NextInvocationMissingHeader(RuntimeApiHeaders.RequestId));
        var deadlineMs = long.TryParse(response.Header(RuntimeApiHeaders.DeadlineMs), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? ms
            : throw new RuntimeApiException(RuntimeErrors.NextInvocationMissingHeader(RuntimeApiHeaders.DeadlineMs));

        return new Invocation(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            response.Header(RuntimeApiHeaders.InvokedFunctionArn) ?? string.Empty,
            response.Header(RuntimeApiHeaders.TraceId),
            response.Header(RuntimeApiHeaders.ClientContext),
            response.Header(RuntimeApiHeaders.CognitoIdentity),
            response.Body);
    }

    /// <param name="body">The response payload; null posts an empty body (a handler without a result).</param>
    public void PostResponse(string requestId, byte[]? body, CancellationToken cancellationToken) =>
        Post($"invocation/{Uri.EscapeDataString(requestId)}/response", body ?? [], NoHeaders, $"POST invocation/{requestId}/response", cancellationToken);

    public void PostError(string requestId, ErrorResponse error, CancellationToken cancellationToken) =>
        PostError($"invocation/{Uri.EscapeDataString(requestId)}/error", error, $"POST invocation/{requestId}/error", cancellationToken);

    public void PostInitError(ErrorResponse error, CancellationToken cancellationToken) =>
        PostError("init/error", error, "POST init/error", cancellationToken);

    public void Dispose() => connection.Dispose();

    private void PostError(string path, ErrorResponse error, string operation, CancellationToken cancellationToken)
    {
        KeyValuePair<string, string>[] headers = [.. JsonBody, new(RuntimeApiHeaders.FunctionErrorType, error.ErrorType)];
        Post(path, JsonSerializer.SerializeToUtf8Bytes(error, errorJson.TypeInfo<ErrorResponse>()), headers, operation, cancellationToken);
    }

    /// <summary>
    /// A 4xx to a result (400, 403 for an unknown or finished request id, 413 for a payload over the
    /// limit) fails only that invocation, so it is logged and the loop goes on; a 5xx means the
    /// runtime must exit, as AWS documents.
    /// </summary>
    private void Post(string path, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers, string operation, CancellationToken cancellationToken)
    {
        var response = Send("POST", path, body, headers, operation, cancellationToken);
        if (response.IsSuccess)
            return;

        var message = RuntimeErrors.RuntimeApiRefused(operation, response.Status, BodyOf(response));
        if (response.Status >= 500)
            throw new RuntimeApiException(message);
        Console.Error.WriteLine(message);
    }

    private HttpAnswer Send(string method, string path, byte[]? body, IReadOnlyList<KeyValuePair<string, string>> headers, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return connection.Send(method, path, body, headers, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or SocketException or InvalidDataException)
        {
            throw new RuntimeApiException(RuntimeErrors.RuntimeApiUnreachable(address, $"{operation}: {exception.Message}"), exception);
        }
    }

    private static string BodyOf(HttpAnswer response) =>
        response.Body.Length == 0 ? "(empty body)" : System.Text.Encoding.UTF8.GetString(response.Body);
}
