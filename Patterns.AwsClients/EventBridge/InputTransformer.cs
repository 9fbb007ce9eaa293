namespace Patterns.AwsClients.EventBridge;

/// <summary>
/// Rewrites the event for a target: <see cref="InputPathsMap"/> names JSON paths of the event
/// (e.g. "id" → "$.detail.id"), <paramref name="InputTemplate"/> uses them as &lt;id&gt;.
/// </summary>
public sealed record InputTransformer(string InputTemplate)
{
    public IReadOnlyDictionary<string, string>? InputPathsMap { get; init; }
}
