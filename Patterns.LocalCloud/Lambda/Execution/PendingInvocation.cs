namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>One invocation on its way through an instance: what the runtime receives and how it ended.</summary>
internal sealed class PendingInvocation(string requestId, ReadOnlyMemory<byte> payload, string traceHeader, string? clientContext)
{
    // Continuations run on the completing thread: a result posted by the runtime travels on to the
    // caller on the Runtime API connection's thread, without waking another.
    private readonly TaskCompletionSource<RuntimeOutcome> _outcome = new();

    public string RequestId { get; } = requestId;

    public ReadOnlyMemory<byte> Payload { get; } = payload;

    public string TraceHeader { get; } = traceHeader;

    public string? ClientContext { get; } = clientContext;

    /// <summary>When the runtime took it from /next; the function's timeout counts from here.</summary>
    public long DeliveredTimestamp { get; set; }

    public Task<RuntimeOutcome> Outcome => _outcome.Task;

    /// <summary>The first report wins: a response racing a timeout or a crash is ignored.</summary>
    public bool TryComplete(RuntimeOutcome outcome) => _outcome.TrySetResult(outcome);
}
