namespace Patterns.LocalCloud.ApiGateway;

/// <summary>
/// The local cloud log's lines about API executions, each naming the API, stage, method and path,
/// so that a 500 or 502 the client sees can be traced to its cause (what API Gateway's execution
/// logs would say).
/// </summary>
internal sealed class ExecutionLog(TextWriter? log)
{
    public void Write(ApiRequest request, string message) =>
        log?.WriteLine($"execute-api {request.Target.ApiId}/{request.Target.Stage} {request.HttpMethod} {request.Target.ResourcePath}: {message}");
}
