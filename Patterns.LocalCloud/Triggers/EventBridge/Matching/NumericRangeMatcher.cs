using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary><c>{"numeric": [">", 0, "&lt;=", 5]}</c>: JSON numbers within the bounds; a null bound is open.</summary>
internal sealed class NumericRangeMatcher(double? lower, bool lowerInclusive, double? upper, bool upperInclusive) : ValueMatcher
{
    public override bool Matches(JsonElement leaf)
    {
        if (leaf.ValueKind != JsonValueKind.Number || !leaf.TryGetDouble(out var number))
            return false;
        if (lower is { } low && (lowerInclusive ? number < low : number <= low))
            return false;
        if (upper is { } high && (upperInclusive ? number > high : number >= high))
            return false;
        return true;
    }
}
