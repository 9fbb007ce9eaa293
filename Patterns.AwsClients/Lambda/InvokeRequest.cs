namespace Patterns.AwsClients.Lambda;

/// <summary>Invoke's input.</summary>
/// <param name="FunctionName">A name, a partial ARN or a full ARN.</param>
public sealed record InvokeRequest(string FunctionName)
{
    /// <summary>The event JSON; null sends an empty body.</summary>
    public byte[]? Payload { get; init; }

    /// <summary>RequestResponse (synchronous, the default), Event (asynchronous) or DryRun.</summary>
    public string InvocationType { get; init; } = "RequestResponse";

    /// <summary>Tail returns the last 4 KB of the invocation's log in <see cref="InvokeResponse.LogResult"/>.</summary>
    public string? LogType { get; init; }

    /// <summary>Base64-encoded client context JSON.</summary>
    public string? ClientContext { get; init; }

    public string? Qualifier { get; init; }
}
