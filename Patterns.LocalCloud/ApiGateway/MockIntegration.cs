using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// The MOCK integration for the common case (CORS preflights, fixed answers): the request
/// template's {"statusCode": N} picks the integration response (by selectionPattern against N,
/// else the default one), whose literal header mappings ('value') and response template become
/// the answer. Templates are not evaluated as VTL; one that uses VTL is sent as written and logged.
/// </summary>
internal static class MockIntegration
{
    private const string HeaderPrefix = "method.response.header.";
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public static ApiResponse Respond(ApiRequest request, ApiIntegration integration, ExecutionLog log)
    {
        var status = RequestedStatus(request, integration, log);
        var selected = Select(integration.Responses, status);
        if (selected is null)
        {
            log.Write(request, $"the MOCK integration answered {status}, which no integration response selects and there is no default one; add one with PutIntegrationResponse.");
            return GatewayResponses.InternalServerError(500);
        }
        if (!int.TryParse(selected.StatusCode, out var statusCode))
        {
            log.Write(request, $"the integration response's statusCode '{selected.StatusCode}' is not an HTTP status; fix it with PutIntegrationResponse.");
            return GatewayResponses.InternalServerError(500);
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (target, source) in selected.ResponseParameters)
        {
            if (!target.StartsWith(HeaderPrefix, StringComparison.Ordinal))
                continue;
            if (source.Length >= 2 && source[0] == '\'' && source[^1] == '\'')
                headers.Add(new KeyValuePair<string, string>(target[HeaderPrefix.Length..], source[1..^1]));
            else
                log.Write(request, $"the MOCK integration response maps {target} from {source}; only literal values ('value') are mapped locally.");
        }

        var (contentType, template) = ResponseTemplate(selected);
        if (template is not null && LooksLikeVtl(template))
            log.Write(request, "the MOCK integration response template uses VTL, which is not evaluated locally; it is sent as written.");
        headers.Insert(0, new KeyValuePair<string, string>("Content-Type", contentType));
        return new ApiResponse(statusCode, headers, Encoding.UTF8.GetBytes(template ?? ""));
    }

    private static int RequestedStatus(ApiRequest request, ApiIntegration integration, ExecutionLog log)
    {
        if (integration.RequestTemplates.Count == 0)
            return 200;
        var contentType = request.Header("Content-Type")?.Split(';')[0].Trim();
        var template = contentType is not null && integration.RequestTemplates.TryGetValue(contentType, out var forType)
            ? forType
            : integration.RequestTemplates.TryGetValue("application/json", out var json) ? json : integration.RequestTemplates.Values.First();
        try
        {
            using var document = JsonDocument.Parse(template);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("statusCode", out var status)
                && status.TryGetInt32(out var code))
                return code;
        }
        catch (JsonException)
        {
            log.Write(request, "the MOCK integration's request template is not plain JSON (VTL is not evaluated locally); answering as statusCode 200.");
        }
        return 200;
    }

    private static IntegrationResponse? Select(IReadOnlyList<IntegrationResponse> responses, int status)
    {
        var text = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return responses.FirstOrDefault(response =>
                   !string.IsNullOrEmpty(response.SelectionPattern)
                   && Regex.IsMatch(text, $"^(?:{response.SelectionPattern})$", RegexOptions.None, PatternTimeout))
               ?? responses.FirstOrDefault(response => string.IsNullOrEmpty(response.SelectionPattern));
    }

    private static (string ContentType, string? Template) ResponseTemplate(IntegrationResponse response)
    {
        if (response.ResponseTemplates.TryGetValue("application/json", out var json))
            return ("application/json", json);
        var first = response.ResponseTemplates.FirstOrDefault();
        return first.Key is null ? ("application/json", null) : (first.Key, first.Value);
    }

    private static bool LooksLikeVtl(string template) => template.Contains('$') || template.Contains("#set", StringComparison.Ordinal);
}
