using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Lambda;

/// <summary>The Lambda API (rest-json) and the functions it runs: placeholder.</summary>
internal sealed class LambdaService(LocalCloudOptions options, MotoClient moto, int edgePort) : IEdgeService, ILambdaInvoker, IAsyncDisposable
{
    public string ServiceName => ServiceResolver.Lambda;

    public Task HandleAsync(HttpContext context) =>
        EdgeServer.WriteErrorAsync(context, 501, "NotImplemented", $"{options.Region} {moto} {edgePort}");

    public Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public IReadOnlyDictionary<string, int> RunningInstances() => new Dictionary<string, int>();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
