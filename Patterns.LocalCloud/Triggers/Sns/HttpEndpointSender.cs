using System.Net;
using System.Text;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// POSTs SNS messages to HTTP/S endpoints as SNS does: text/plain UTF-8 body, the
/// x-amz-sns-* headers, and the default delivery policy's retries (three, 20 seconds apart in
/// AWS; <see cref="LocalCloudOptions.SnsHttpRetryDelays"/>) for a 5xx, a 429, a timeout or a
/// connection failure. Any other 4xx is the endpoint refusing the message: no retry.
/// </summary>
internal sealed class HttpEndpointSender(HttpClient http, IReadOnlyList<TimeSpan> retryDelays)
{
    public async Task SendAsync(string endpoint, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/plain; charset=UTF-8");
                request.Headers.TryAddWithoutValidation("User-Agent", "Amazon Simple Notification Service Agent");
                foreach (var (name, value) in headers)
                    request.Headers.TryAddWithoutValidation(name, value);
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                    return;
                var status = (int)response.StatusCode;
                failure = $"{endpoint} answered {status} {response.ReasonPhrase}";
                if (status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                    throw new SnsDeliveryException(failure + "; SNS does not retry a client error");
            }
            catch (HttpRequestException exception)
            {
                failure = $"{endpoint} could not be reached: {exception.Message}";
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"{endpoint} did not answer within {http.Timeout.TotalSeconds:0} seconds";
            }
            if (attempt >= retryDelays.Count)
                throw new SnsDeliveryException($"{failure}; gave up after {attempt + 1} attempts");
            await Task.Delay(retryDelays[attempt], cancellationToken).ConfigureAwait(false);
        }
    }
}
