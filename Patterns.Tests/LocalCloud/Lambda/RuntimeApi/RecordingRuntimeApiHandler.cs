using System.Collections.Concurrent;
using Patterns.LocalCloud.Lambda.Execution;

namespace Patterns.Tests.LocalCloud.Lambda.RuntimeApi;

/// <summary>An instance as the Runtime API server sees it: polls wait here, results are recorded.</summary>
internal sealed class RecordingRuntimeApiHandler : IRuntimeApiHandler
{
    private readonly TaskCompletionSource<IInvocationReceiver> _poller = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<IInvocationReceiver> _abandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<byte[]> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string FunctionArn => "arn:aws:lambda:us-east-1:000000000000:function:Recorded";

    public int TimeoutSeconds => 3;

    public string? Current { get; set; }

    public ConcurrentQueue<(string Kind, string RequestId, byte[] Body)> Results { get; } = new();

    public Task<IInvocationReceiver> Polled => _poller.Task;

    public Task<IInvocationReceiver> Abandoned => _abandoned.Task;

    public Task<byte[]> InitError => _initError.Task;

    public void Poll(IInvocationReceiver receiver) => _poller.TrySetResult(receiver);

    public void Abandon(IInvocationReceiver receiver) => _abandoned.TrySetResult(receiver);

    public bool IsCurrent(string requestId) => requestId == Current;

    public bool Respond(string requestId, ReadOnlyMemory<byte> payload) => Record("response", requestId, payload);

    public bool Fail(string requestId, ReadOnlyMemory<byte> errorJson) => Record("error", requestId, errorJson);

    public void InitFailed(ReadOnlyMemory<byte> errorJson) => _initError.TrySetResult(errorJson.ToArray());

    private bool Record(string kind, string requestId, ReadOnlyMemory<byte> body)
    {
        if (requestId != Current)
            return false;
        Results.Enqueue((kind, requestId, body.ToArray()));
        Current = null;
        return true;
    }
}
