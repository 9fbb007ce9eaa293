namespace Functions.Runtime.Client;

/// <summary>One event handed out by the Runtime API's <c>/invocation/next</c>, with its headers.</summary>
internal sealed record Invocation(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    ReadOnlyMemory<byte> Payload);
