using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary><c>{"suffix": "…"}</c> and <c>{"suffix": {"equals-ignore-case": "…"}}</c>: string values only.</summary>
internal sealed class SuffixMatcher(string suffix, bool ignoreCase) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.String
        && leaf.GetString()!.EndsWith(suffix, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
