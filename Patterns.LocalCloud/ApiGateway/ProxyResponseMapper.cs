using System.Text;
using System.Text.Json;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// Turns a function's proxy response (statusCode, headers, multiValueHeaders, body,
/// isBase64Encoded) into the client's answer, as REST APIs do: every field is optional
/// (statusCode defaults to 200), any other field or a wrong type makes it a "Malformed Lambda
/// proxy response", headers and multiValueHeaders are merged, and a base64 body is decoded only
/// when the client's first Accept type is one of the API's binary media types.
/// </summary>
internal static class ProxyResponseMapper
{
    private static readonly HashSet<string> AllowedFields = new(StringComparer.Ordinal)
    {
        "statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded",
    };

    // Framing is the edge's to set; a function's value would contradict the body it sends.
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection",
    };

    public static ProxyResponseMapping Map(ReadOnlyMemory<byte> payload, bool decodeBinaryBody)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return ProxyResponseMapping.Malformed("the function's response is not JSON");
        }
        using (document)
            return Map(document.RootElement, decodeBinaryBody);
    }

    private static ProxyResponseMapping Map(JsonElement root, bool decodeBinaryBody)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return ProxyResponseMapping.Malformed($"the function's response is {Describe(root)}, not a JSON object");

        foreach (var field in root.EnumerateObject())
        {
            if (!AllowedFields.Contains(field.Name))
                return ProxyResponseMapping.Malformed(
                    $"it has the field '{field.Name}'; a REST API proxy response may only have statusCode, headers, multiValueHeaders, body and isBase64Encoded");
        }

        var statusCode = 200;
        if (Field(root, "statusCode") is { } status && !TryStatusCode(status, out statusCode))
            return ProxyResponseMapping.Malformed($"statusCode is {Describe(status)}; it must be an HTTP status code such as 200");

        var headers = new List<KeyValuePair<string, string>>();
        if (Field(root, "headers") is { } single && ReadHeaders(single, headers) is { } headersProblem)
            return ProxyResponseMapping.Malformed(headersProblem);
        var multiValueHeaders = new List<KeyValuePair<string, string>>();
        if (Field(root, "multiValueHeaders") is { } multi && ReadMultiValueHeaders(multi, multiValueHeaders) is { } multiProblem)
            return ProxyResponseMapping.Malformed(multiProblem);

        string? body = null;
        if (Field(root, "body") is { } bodyElement)
        {
            if (bodyElement.ValueKind != JsonValueKind.String)
                return ProxyResponseMapping.Malformed($"body is {Describe(bodyElement)}; it must be a string (serialize an object first, e.g. JsonSerializer.Serialize)");
            body = bodyElement.GetString();
        }

        var isBase64Encoded = false;
        if (Field(root, "isBase64Encoded") is { } base64Flag)
        {
            if (base64Flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return ProxyResponseMapping.Malformed($"isBase64Encoded is {Describe(base64Flag)}; it must be true or false");
            isBase64Encoded = base64Flag.GetBoolean();
        }

        byte[] bytes;
        if (isBase64Encoded && decodeBinaryBody && body is not null)
        {
            try
            {
                bytes = Convert.FromBase64String(body);
            }
            catch (FormatException)
            {
                return ProxyResponseMapping.ConfigurationError("isBase64Encoded is true but the body is not valid base64");
            }
        }
        else
        {
            bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        }

        var merged = Merge(headers, multiValueHeaders);
        if (!merged.Any(header => string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
            merged.Insert(0, new KeyValuePair<string, string>("Content-Type", "application/json"));
        return ProxyResponseMapping.Mapped(new ApiResponse(statusCode, merged, bytes));
    }

    /// <summary>
    /// Both header maps in one list; a name and value given in both appears once, from
    /// multiValueHeaders, as API Gateway documents.
    /// </summary>
    private static List<KeyValuePair<string, string>> Merge(List<KeyValuePair<string, string>> headers, List<KeyValuePair<string, string>> multiValueHeaders)
    {
        var merged = headers
            .Where(header => !multiValueHeaders.Any(multi => string.Equals(multi.Key, header.Key, StringComparison.OrdinalIgnoreCase) && multi.Value == header.Value))
            .Concat(multiValueHeaders)
            .Where(header => !TransportHeaders.Contains(header.Key))
            .ToList();
        return merged;
    }

    private static string? ReadHeaders(JsonElement element, List<KeyValuePair<string, string>> into)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return $"headers is {Describe(element)}; it must be an object of header names to strings";
        foreach (var header in element.EnumerateObject())
        {
            if (!TryHeaderValue(header.Value, out var value))
                return $"the value of header '{header.Name}' is {Describe(header.Value)}; header values must be strings";
            into.Add(new KeyValuePair<string, string>(header.Name, value));
        }
        return null;
    }

    private static string? ReadMultiValueHeaders(JsonElement element, List<KeyValuePair<string, string>> into)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return $"multiValueHeaders is {Describe(element)}; it must be an object of header names to arrays of strings";
        foreach (var header in element.EnumerateObject())
        {
            if (header.Value.ValueKind == JsonValueKind.Null)
                continue;
            var values = header.Value.ValueKind == JsonValueKind.Array ? header.Value.EnumerateArray().ToArray() : [header.Value];
            foreach (var item in values)
            {
                if (!TryHeaderValue(item, out var value))
                    return $"multiValueHeaders '{header.Name}' holds {Describe(item)}; header values must be strings";
                into.Add(new KeyValuePair<string, string>(header.Name, value));
            }
        }
        return null;
    }

    // API Gateway takes booleans as "true"/"false"; numbers and objects are malformed.
    private static bool TryHeaderValue(JsonElement element, out string value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                value = element.GetString()!;
                return true;
            case JsonValueKind.True:
                value = "true";
                return true;
            case JsonValueKind.False:
                value = "false";
                return true;
            default:
                value = "";
                return false;
        }
    }

    // An integer, or a string holding one (API Gateway parses "200"); within HTTP's status range.
    private static bool TryStatusCode(JsonElement element, out int statusCode)
    {
        var parsed = element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out var number) ? number : (int?)null,
            JsonValueKind.String => int.TryParse(element.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var text) ? text : null,
            _ => null,
        };
        statusCode = parsed ?? 0;
        return parsed is >= 100 and <= 599;
    }

    // A field that is absent or null counts as not given.
    private static JsonElement? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {Truncate(element.GetRawText())}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
