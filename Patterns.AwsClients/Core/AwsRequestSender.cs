using System.Diagnostics;

namespace Patterns.AwsClients.Core;

/// <summary>
/// Sends API calls to one service: builds the HTTP message, signs it, retries what the retry
/// policy calls transient, and turns an error answer into an <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class AwsRequestSender(HttpClient http, AwsClientSettings settings, TimeProvider time, bool ownsHttp = false) : IDisposable
{
    public AwsClientSettings Settings => settings;

    /// <summary>A sender for one service's client: over the caller's HttpClient, or over one of its own that it disposes.</summary>
    public static AwsRequestSender For(AwsService service, AwsClientOptions options, HttpClient? http, TimeProvider time) =>
        new(http ?? CreateHttpClient(options), AwsClientSettings.Resolve(service, options), time, ownsHttp: http is null);

    public void Dispose()
    {
        if (ownsHttp)
            http.Dispose();
    }

    /// <summary>An HttpClient for one client's calls: no cookies or redirects, the per-attempt timeout of the options.</summary>
    public static HttpClient CreateHttpClient(AwsClientOptions options) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) })
        {
            Timeout = options.RequestTimeout,
        };

    public async Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        using var span = AwsClientTracing.Start(settings, request);
        try
        {
            var response = await SendWithRetriesAsync(request, span, cancellationToken).ConfigureAwait(false);
            AwsClientTracing.Succeeded(span, response);
            return response;
        }
        catch (Exception exception) when (span is not null)
        {
            AwsClientTracing.Failed(span, exception);
            throw;
        }
    }

    private async Task<AwsResponse> SendWithRetriesAsync(AwsRequest request, Activity? span, CancellationToken cancellationToken)
    {
        var maxAttempts = settings.Options.MaxAttempts;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var message = CreateMessage(request);
                if (span is not null)
                    message.Headers.TryAddWithoutValidation("traceparent", AwsClientTracing.Traceparent(span));
                using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                var headers = ReadHeaders(response);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return new AwsResponse(status, headers, body);

                var (code, serviceMessage) = AwsErrorReader.Read(status, headers, body);
                if (attempt >= maxAttempts || !RetryPolicy.IsRetryable(status, code))
                {
                    headers.TryGetValue("x-amzn-RequestId", out var requestId);
                    throw new AwsServiceException(settings.Service.SigningName, request.Operation, status, code, serviceMessage, requestId);
                }
            }
            catch (HttpRequestException exception) when (attempt >= maxAttempts)
            {
                throw new HttpRequestException(
                    $"{settings.Service.SigningName} {request.Operation} could not reach {settings.Endpoint} after {attempt} attempt(s): {exception.Message} Check that the endpoint is running and the URL (AWS_ENDPOINT_URL) is right.",
                    exception);
            }
            catch (HttpRequestException)
            {
                // The connection failed before an answer: like the SDKs, try again after the backoff below.
            }
            await Task.Delay(RetryPolicy.Delay(attempt, settings.Options), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage CreateMessage(AwsRequest request)
    {
        var uri = new Uri(settings.Endpoint, request.Path);
        var message = new HttpRequestMessage(request.Method, uri);
        var body = request.Body ?? [];
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is { } contentType)
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        message.Headers.TryAddWithoutValidation("User-Agent", "Patterns.AwsClients/1.0");
        if (request.Unsigned)
        {
            foreach (var (name, value) in request.Headers)
                message.Headers.TryAddWithoutValidation(name, value);
            return message;
        }

        var now = time.GetUtcNow();
        var signed = new List<KeyValuePair<string, string>>(request.Headers)
        {
            new("Host", uri.Authority),
            new("X-Amz-Date", SigV4Signer.AmzDate(now)),
        };
        if (settings.Credentials.SessionToken is { } token)
            signed.Add(new("X-Amz-Security-Token", token));
        if (request.Body is not null && request.ContentType is { } signedContentType)
            signed.Add(new("Content-Type", signedContentType));

        var signature = SigV4Signer.Sign(
            new SigV4Request(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), signed, SigV4Signer.HashHex(body)),
            settings.Credentials,
            settings.Region,
            settings.Service.SigningName,
            now);

        foreach (var (name, value) in signed)
        {
            if (name is "Host" or "Content-Type")
                continue; // HttpClient writes Host from the URI; Content-Type lives on the content
            message.Headers.TryAddWithoutValidation(name, value);
        }
        message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return message;
    }

    private static Dictionary<string, string> ReadHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            headers[name] = string.Join(',', values);
        return headers;
    }
}
