using System.Collections.Immutable;

namespace Patterns.Hosting.Model;

/// <summary>EventBridge's input transformer: JSON paths into the event, and a template that places them.</summary>
/// <param name="InputPathsMap">Placeholder name → JSON path, e.g. "orderId" → "$.detail.orderId".</param>
/// <param name="InputTemplate">The target's input with &lt;placeholders&gt;.</param>
public sealed record InputTransformer(ImmutableSortedDictionary<string, string> InputPathsMap, string InputTemplate);
