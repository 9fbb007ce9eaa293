using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary><c>{"prefix": "…"}</c> and <c>{"prefix": {"equals-ignore-case": "…"}}</c>: string values only.</summary>
internal sealed class PrefixMatcher(string prefix, bool ignoreCase) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.String
        && leaf.GetString()!.StartsWith(prefix, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
