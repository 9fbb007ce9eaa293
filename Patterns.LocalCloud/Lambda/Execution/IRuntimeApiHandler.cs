namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>What one instance's Runtime API asks of the instance behind it.</summary>
internal interface IRuntimeApiHandler
{
    /// <summary>Waits for the next invocation for this instance (the runtime's long poll).</summary>
    ValueTask<PendingInvocation> NextAsync(CancellationToken cancellationToken);

    /// <summary>The invocation's response; false when the request id is not the current invocation.</summary>
    bool Respond(string requestId, ReadOnlyMemory<byte> payload);

    /// <summary>The invocation failed as the runtime reports it; false when the request id is not current.</summary>
    bool Fail(string requestId, ReadOnlyMemory<byte> errorJson);

    /// <summary>The runtime could not initialise; the instance is unusable.</summary>
    void InitFailed(ReadOnlyMemory<byte> errorJson);

    string FunctionArn { get; }

    int TimeoutSeconds { get; }
}
