using System.Collections.Concurrent;
using System.Text;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;

namespace Patterns.Tests.LocalCloud.ApiGateway;

/// <summary>
/// Stands in for the Lambda service: records each invocation per function name and answers with
/// what the test set up for that function; an unknown function is Lambda's 404.
/// </summary>
internal sealed class FakeLambdaInvoker : ILambdaInvoker
{
    private readonly ConcurrentDictionary<string, Func<InvocationRequest, Task<InvocationResult>>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<InvocationRequest>> _received = new(StringComparer.Ordinal);

    public static string Arn(string functionName) => $"arn:aws:lambda:us-east-1:000000000000:function:{functionName}";

    public static InvocationResult Result(string payload, string? functionError = null) =>
        new(Encoding.UTF8.GetBytes(payload), functionError, "$LATEST", Guid.NewGuid().ToString(), null);

    public void Handle(string functionName, Func<InvocationRequest, Task<InvocationResult>> handler) => _handlers[functionName] = handler;

    public void Returns(string functionName, string payload, string? functionError = null) =>
        Handle(functionName, _ => Task.FromResult(Result(payload, functionError)));

    public void Throws(string functionName, AwsServiceException exception) =>
        Handle(functionName, _ => Task.FromException<InvocationResult>(exception));

    public IReadOnlyList<InvocationRequest> Received(string functionName) =>
        _received.TryGetValue(functionName, out var queue) ? queue.ToArray() : [];

    public Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var name = request.FunctionName[(request.FunctionName.LastIndexOf(":function:", StringComparison.Ordinal) + ":function:".Length)..];
        _received.GetOrAdd(name, _ => new ConcurrentQueue<InvocationRequest>()).Enqueue(request);
        return _handlers.TryGetValue(name, out var handler)
            ? handler(request)
            : Task.FromException<InvocationResult>(new AwsServiceException(404, "ResourceNotFoundException", $"Function not found: {request.FunctionName}"));
    }
}
