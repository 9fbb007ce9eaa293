using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.ApiGateway;

/// <summary>Executes REST APIs that moto stores: placeholder until the executor lands.</summary>
internal sealed class ApiGatewayExecutor(MotoClient moto, ILambdaInvoker lambda, LocalCloudOptions options) : IEdgeService, IProxyObserver
{
    public string ServiceName => ServiceResolver.ExecuteApi;

    public Task HandleAsync(HttpContext context) =>
        EdgeServer.WriteErrorAsync(context, 501, "NotImplemented", $"API execution is not built yet ({moto}, {lambda}, {options.Region}).");

    public void OnProxied(string service, string method, string path)
    {
    }
}
