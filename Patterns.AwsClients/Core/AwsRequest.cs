namespace Patterns.AwsClients.Core;

/// <summary>
/// One API call to send, kept as data so that every retry builds and signs a fresh message.
/// </summary>
/// <param name="Operation">The API operation's name, for errors.</param>
/// <param name="Path">Path and query relative to the endpoint, without a leading '/', its parts already escaped.</param>
internal sealed record AwsRequest(string Operation, HttpMethod Method, string Path)
{
    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Headers to send and sign (e.g. X-Amz-Invocation-Type).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// Sent without SigV4 (no Authorization, X-Amz-Date or security token), as AWS defines a few
    /// operations, e.g. Cognito's InitiateAuth, which authenticate by their own parameters.
    /// </summary>
    public bool Unsigned { get; init; }

    /// <summary>Attributes for the call's span beyond the rpc.* ones (e.g. the SNS topic's ARN).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> SpanTags { get; init; } = [];
}
