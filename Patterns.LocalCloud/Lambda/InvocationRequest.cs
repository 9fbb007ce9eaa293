namespace Patterns.LocalCloud.Lambda;

/// <param name="FunctionName">A name, a partial or a full ARN, as the Invoke API accepts.</param>
/// <param name="Payload">The event JSON.</param>
internal sealed record InvocationRequest(string FunctionName, ReadOnlyMemory<byte> Payload)
{
    public string? Qualifier { get; init; }

    /// <summary>The caller's trace context in X-Ray form (Root=…;Parent=…;Sampled=…), passed as Lambda-Runtime-Trace-Id.</summary>
    public string? TraceHeader { get; init; }

    /// <summary>Collect the invocation's log so that <see cref="InvocationResult.LogTail"/> is set.</summary>
    public bool TailLog { get; init; }

    /// <summary>Base64 client context, passed as Lambda-Runtime-Client-Context.</summary>
    public string? ClientContext { get; init; }
}
