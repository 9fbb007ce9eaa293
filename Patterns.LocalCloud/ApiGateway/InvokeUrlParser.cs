using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// Reads the three invoke URL forms: /restapis/{id}/{stage}/_user_request_/{path} (LocalStack's),
/// /_aws/execute-api/{id}/{stage}/{path} (the one we print) and a Host of {id}.execute-api.… with
/// /{stage}/{path}. Works on the raw request target, because API Gateway keeps the path's
/// percent-encoding (path, pathParameters) and routes on encoded segments.
/// </summary>
internal static class InvokeUrlParser
{
    private const string FriendlyPrefix = "/_aws/execute-api/";
    private const string RestApisPrefix = "/restapis/";
    private const string UserRequestMarker = "/_user_request_";

    /// <summary>The target, or null when the URL names no API.</summary>
    public static InvokeTarget? Parse(HttpRequest request)
    {
        var (path, query) = SplitRawTarget(request);

        if (path.StartsWith(FriendlyPrefix, StringComparison.Ordinal))
            return FromApiAndRest(path[FriendlyPrefix.Length..], query, host: null);

        if (path.StartsWith(RestApisPrefix, StringComparison.Ordinal))
        {
            var afterPrefix = path[RestApisPrefix.Length..];
            var idEnd = afterPrefix.IndexOf('/');
            if (idEnd <= 0)
                return null;
            var stageEnd = afterPrefix.IndexOf('/', idEnd + 1);
            if (stageEnd < 0 || string.CompareOrdinal(afterPrefix, stageEnd, UserRequestMarker, 0, UserRequestMarker.Length) != 0)
                return null;
            var rest = afterPrefix[(stageEnd + UserRequestMarker.Length)..];
            if (rest.Length > 0 && rest[0] != '/')
                return null;
            return Target(afterPrefix[..idEnd], afterPrefix[(idEnd + 1)..stageEnd], rest, query, host: null);
        }

        var hostName = request.Host.Host;
        var marker = hostName.IndexOf(".execute-api.", StringComparison.OrdinalIgnoreCase);
        if (marker <= 0)
            return null;
        return FromApiAndRest(hostName[..marker] + path, query, hostName);
    }

    // "{id}/{stage}/{rest}" or "{id}{/stage/rest}" (host form, where the id comes from the Host).
    private static InvokeTarget? FromApiAndRest(string apiAndRest, string query, string? host)
    {
        var idEnd = apiAndRest.IndexOf('/');
        if (idEnd == 0 || apiAndRest.Length == 0)
            return null;
        if (idEnd < 0)
            return Target(apiAndRest, "", "", query, host); // an API without a stage: API Gateway's 403
        var afterId = apiAndRest[(idEnd + 1)..];
        var stageEnd = afterId.IndexOf('/');
        return stageEnd < 0
            ? Target(apiAndRest[..idEnd], afterId, "", query, host)
            : Target(apiAndRest[..idEnd], afterId[..stageEnd], afterId[stageEnd..], query, host);
    }

    private static InvokeTarget Target(string apiId, string stage, string rest, string query, string? host) =>
        new(apiId, stage, rest.Length == 0 ? "/" : rest, "/" + stage + rest, query, host);

    private static (string Path, string Query) SplitRawTarget(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
            raw = request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        else if (!raw.StartsWith('/') && Uri.TryCreate(raw, UriKind.Absolute, out var absolute))
            raw = absolute.PathAndQuery; // absolute-form, as sent through an HTTP proxy

        var queryStart = raw.IndexOf('?');
        return queryStart < 0 ? (raw, "") : (raw[..queryStart], raw[(queryStart + 1)..]);
    }
}
