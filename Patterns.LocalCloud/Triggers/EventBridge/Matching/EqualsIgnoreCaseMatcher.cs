using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary><c>{"equals-ignore-case": "…"}</c>: string values only.</summary>
internal sealed class EqualsIgnoreCaseMatcher(string value) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.String && string.Equals(leaf.GetString(), value, StringComparison.OrdinalIgnoreCase);
}
