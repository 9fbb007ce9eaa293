namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>One request a runtime sent to the Runtime API, body included.</summary>
/// <param name="Path">The request target without its query.</param>
/// <param name="KeepAlive">False when the runtime asked to close the connection after the answer.</param>
internal sealed record RuntimeApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool KeepAlive);
