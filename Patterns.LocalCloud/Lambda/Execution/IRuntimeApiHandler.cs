namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>What one instance's Runtime API asks of the instance behind it.</summary>
internal interface IRuntimeApiHandler
{
    /// <summary>
    /// The runtime's long poll: the receiver gets the next invocation, now if one is queued (on this
    /// thread), else from the thread that brings it.
    /// </summary>
    void Poll(IInvocationReceiver receiver);

    /// <summary>The connection of a waiting poll is gone; nothing may be delivered to it.</summary>
    void Abandon(IInvocationReceiver receiver);

    /// <summary>True when the request id is the invocation in progress, which a result may complete.</summary>
    bool IsCurrent(string requestId);

    /// <summary>The invocation's response; false when the request id is not the current invocation.</summary>
    bool Respond(string requestId, ReadOnlyMemory<byte> payload);

    /// <summary>The invocation failed as the runtime reports it; false when the request id is not current.</summary>
    bool Fail(string requestId, ReadOnlyMemory<byte> errorJson);

    /// <summary>The runtime could not initialise; the instance is unusable.</summary>
    void InitFailed(ReadOnlyMemory<byte> errorJson);

    string FunctionArn { get; }

    int TimeoutSeconds { get; }
}
