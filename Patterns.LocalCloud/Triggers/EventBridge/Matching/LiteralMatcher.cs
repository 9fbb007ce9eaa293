using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>The JSON literals true, false and null: they match the same literal only, never a string.</summary>
internal sealed class LiteralMatcher(JsonValueKind kind) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) => leaf.ValueKind == kind;
}
