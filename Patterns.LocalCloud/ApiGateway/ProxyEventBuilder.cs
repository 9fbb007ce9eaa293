using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// Writes the Lambda proxy integration event (payload format 1.0) for a request, with AWS's field
/// names, order and nulls: absent query strings, path parameters and stage variables are null,
/// a missing body is null, the path and path parameters keep the client's percent-encoding. A
/// REQUEST authorizer's event is the same request without the body.
/// </summary>
internal static class ProxyEventBuilder
{
    // Connection-level and framing headers that API Gateway does not pass on to the function.
    private static readonly HashSet<string> DroppedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Content-Length", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade", "TE", "Trailer", "Expect",
    };

    // The identity keys a request without an authorizer, IAM signature or API key carries, all null but the client's.
    private static readonly string[] NullIdentityKeysBeforeSourceIp = ["cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller"];
    private static readonly string[] NullIdentityKeysAfterSourceIp = ["principalOrgId", "accessKey", "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn"];

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="authorizer">What the method's authorizer passes on (requestContext.authorizer); null when the method has none.</param>
    public static byte[] Build(ApiRequest request, RouteMatch match, DeployedApi api, RequestIdentity ids, string accountId, JsonObject? authorizer = null) =>
        Write(json =>
        {
            json.WriteStartObject();
            WriteRequest(json, request, match, api, ids);
            WriteRequestContext(json, request, match, api, ids, accountId, authorizer);
            var (body, isBase64Encoded) = Body(request, api);
            if (body is null)
                json.WriteNull("body");
            else
                json.WriteString("body", body);
            json.WriteBoolean("isBase64Encoded", isBase64Encoded);
            json.WriteEndObject();
        });

    /// <summary>
    /// The event of a REQUEST authorizer: its type and the method ARN, then the request as the
    /// proxy event gives it, without the body.
    /// </summary>
    public static byte[] BuildRequestAuthorizerEvent(ApiRequest request, RouteMatch match, DeployedApi api, RequestIdentity ids, string accountId, string methodArn) =>
        Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "REQUEST");
            json.WriteString("methodArn", methodArn);
            WriteRequest(json, request, match, api, ids);
            WriteRequestContext(json, request, match, api, ids, accountId, authorizer: null);
            json.WriteEndObject();
        });

    /// <summary>The domain name the client addressed; the API's own execute-api name when it used a path form.</summary>
    public static string DomainName(InvokeTarget target, DeployedApi api) => target.Host ?? $"{api.ApiId}.execute-api.localhost";

    /// <summary>requestContext.requestTime: CLF format in UTC.</summary>
    public static string RequestTime(RequestIdentity ids) =>
        ids.RequestTime.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
            write(json);
        return buffer.ToArray();
    }

    // resource, path, httpMethod, headers, multiValueHeaders, query strings, pathParameters, stageVariables.
    private static void WriteRequest(Utf8JsonWriter json, ApiRequest request, RouteMatch match, DeployedApi api, RequestIdentity ids)
    {
        var target = request.Target;
        var headers = ForwardedHeaders(request, ids);
        var query = QueryStringParser.Parse(target.RawQuery);

        json.WriteString("resource", match.Resource.Path);
        json.WriteString("path", target.ResourcePath);
        json.WriteString("httpMethod", request.HttpMethod);

        json.WriteStartObject("headers");
        foreach (var (name, values) in headers)
            json.WriteString(name, values[^1]);
        json.WriteEndObject();
        json.WriteStartObject("multiValueHeaders");
        foreach (var (name, values) in headers)
            WriteStringArray(json, name, values);
        json.WriteEndObject();

        if (query.Count == 0)
        {
            json.WriteNull("queryStringParameters");
            json.WriteNull("multiValueQueryStringParameters");
        }
        else
        {
            json.WriteStartObject("queryStringParameters");
            foreach (var (name, values) in query)
                json.WriteString(name, values[^1]);
            json.WriteEndObject();
            json.WriteStartObject("multiValueQueryStringParameters");
            foreach (var (name, values) in query)
                WriteStringArray(json, name, values);
            json.WriteEndObject();
        }

        WriteStringMapOrNull(json, "pathParameters", match.PathParameters);
        WriteStringMapOrNull(json, "stageVariables", api.StageVariables);
    }

    private static void WriteRequestContext(Utf8JsonWriter json, ApiRequest request, RouteMatch match, DeployedApi api, RequestIdentity ids, string accountId, JsonObject? authorizer)
    {
        var target = request.Target;
        var domainName = DomainName(target, api);
        json.WriteStartObject("requestContext");
        json.WriteString("resourceId", match.Resource.Id);
        if (authorizer is not null)
        {
            json.WritePropertyName("authorizer");
            authorizer.WriteTo(json);
        }
        json.WriteString("resourcePath", match.Resource.Path);
        if (match.Method.OperationName is { } operationName)
            json.WriteString("operationName", operationName);
        json.WriteString("httpMethod", request.HttpMethod);
        json.WriteString("extendedRequestId", ids.ExtendedRequestId);
        json.WriteString("requestTime", RequestTime(ids));
        json.WriteString("path", target.StagePath);
        json.WriteString("accountId", accountId);
        json.WriteString("protocol", request.Protocol);
        json.WriteString("stage", api.Stage);
        json.WriteString("domainPrefix", domainName.Split('.')[0]);
        json.WriteNumber("requestTimeEpoch", ids.RequestTime.ToUnixTimeMilliseconds());
        json.WriteString("requestId", ids.RequestId);
        json.WriteStartObject("identity");
        foreach (var key in NullIdentityKeysBeforeSourceIp)
            json.WriteNull(key);
        json.WriteString("sourceIp", request.SourceIp);
        foreach (var key in NullIdentityKeysAfterSourceIp)
            json.WriteNull(key);
        if (request.Header("User-Agent") is { } userAgent)
            json.WriteString("userAgent", userAgent);
        else
            json.WriteNull("userAgent");
        json.WriteNull("user");
        json.WriteEndObject();
        json.WriteString("domainName", domainName);
        json.WriteString("apiId", api.ApiId);
        json.WriteEndObject();
    }

    /// <summary>
    /// The client's headers without connection-level ones, plus what API Gateway adds: the trace
    /// header and X-Forwarded-For/-Port/-Proto. Sorted by name as API Gateway's events are.
    /// </summary>
    private static List<KeyValuePair<string, string[]>> ForwardedHeaders(ApiRequest request, RequestIdentity ids)
    {
        var headers = request.Headers.Where(header => !DroppedHeaders.Contains(header.Key)).ToList();
        void Set(string name, string value)
        {
            headers.RemoveAll(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase));
            headers.Add(new KeyValuePair<string, string[]>(name, [value]));
        }

        if (request.Header("X-Amzn-Trace-Id") is null)
            Set("X-Amzn-Trace-Id", ids.TraceHeader);
        var forwardedFor = request.Header("X-Forwarded-For");
        Set("X-Forwarded-For", forwardedFor is null ? request.SourceIp : forwardedFor + ", " + request.SourceIp);
        Set("X-Forwarded-Port", request.LocalPort.ToString(CultureInfo.InvariantCulture));
        Set("X-Forwarded-Proto", request.Scheme);
        return headers.OrderBy(header => header.Key, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static (string? Body, bool IsBase64Encoded) Body(ApiRequest request, DeployedApi api)
    {
        if (request.Body.Length == 0)
            return (null, false);
        return MediaTypeMatcher.IsBinary(request.Header("Content-Type"), api.BinaryMediaTypes)
            ? (Convert.ToBase64String(request.Body), true)
            : (Encoding.UTF8.GetString(request.Body), false);
    }

    private static void WriteStringArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteStringMapOrNull(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        foreach (var (key, value) in map)
            json.WriteString(key, value);
        json.WriteEndObject();
    }
}
