using Microsoft.AspNetCore.Http;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// The local cloud log's lines about API executions, each naming the API, stage, method and path,
/// so that a 500 or 502 the client sees can be traced to its cause (what API Gateway's execution
/// logs would say).
/// </summary>
internal sealed class ExecutionLog(TextWriter? log)
{
    public void Write(ApiRequest request, string message) =>
        Write(request.HttpMethod, request.Target, message);

    /// <summary>For a request that failed before it was read.</summary>
    public void Write(HttpRequest request, string message)
    {
        if (InvokeUrlParser.Parse(request) is { } target)
            Write(request.Method, target, message);
        else
            log?.WriteLine($"execute-api {request.Method} {request.Path}: {message}");
    }

    private void Write(string httpMethod, InvokeTarget target, string message) =>
        log?.WriteLine($"execute-api {target.ApiId}/{target.Stage} {httpMethod} {target.ResourcePath}: {message}");
}
