namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>A runtime's waiting <c>GET invocation/next</c>: the event is written to it by whoever has it.</summary>
internal interface IInvocationReceiver
{
    /// <summary>Answers the poll with the event, on the calling thread.</summary>
    /// <returns>False when the runtime can no longer be reached on this connection.</returns>
    bool Deliver(PendingInvocation invocation);
}
