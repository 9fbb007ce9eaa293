using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patterns.LocalCloud.Moto;

/// <summary>
/// The local cloud's own AWS calls: to moto directly (reading API definitions, writing function
/// logs), or, given the edge's address, through the edge (a delivery that must pass through the
/// local cloud's own services, e.g. an EventBridge target publishing to an SNS topic with Lambda
/// subscribers). moto does not check signatures but reads the service from the credential
/// scope, so each request carries an Authorization header with the right scope.
/// </summary>
internal sealed class MotoClient(HttpClient http, string region)
{
    public HttpClient Http => http;

    public HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery, string service)
    {
        var request = new HttpRequestMessage(method, pathAndQuery);
        var date = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential=localcloud/{date}/{region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
        return request;
    }

    /// <summary>A JSON-protocol call (X-Amz-Target); throws with moto's error on failure.</summary>
    /// <param name="traceHeader">The trace context (X-Ray form) the call continues, sent as X-Amzn-Trace-Id; null = none.</param>
    public async Task<JsonNode?> CallJsonAsync(string service, string target, object body, CancellationToken cancellationToken, string? traceHeader = null)
    {
        using var request = CreateRequest(HttpMethod.Post, "/", service);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (traceHeader is not null)
            request.Headers.TryAddWithoutValidation("X-Amzn-Trace-Id", traceHeader);
        request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new MotoCallException(target, (int)response.StatusCode, text);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>
    /// A query-protocol call (SNS, STS, …): form-encoded parameters including Action and
    /// Version; returns the XML response. Throws with the error on failure.
    /// </summary>
    public async Task<System.Xml.Linq.XDocument> CallQueryAsync(string service, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken, string? traceHeader = null)
    {
        using var request = CreateRequest(HttpMethod.Post, "/", service);
        if (traceHeader is not null)
            request.Headers.TryAddWithoutValidation("X-Amzn-Trace-Id", traceHeader);
        request.Content = new FormUrlEncodedContent(parameters);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new MotoCallException(service + " query call", (int)response.StatusCode, text);
        return System.Xml.Linq.XDocument.Parse(text);
    }

    /// <summary>A rest-json GET (API Gateway's control plane); null when moto answers 404.</summary>
    public async Task<JsonNode?> GetJsonAsync(string service, string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Get, pathAndQuery, service);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return null;
        if (!response.IsSuccessStatusCode)
            throw new MotoCallException($"GET {pathAndQuery}", (int)response.StatusCode, text);
        return JsonNode.Parse(text);
    }
}
