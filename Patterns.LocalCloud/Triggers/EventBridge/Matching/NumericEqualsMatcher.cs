using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>A number value: matches a JSON number of equal value however it is written (300, 3.0e2), never the string "300".</summary>
internal sealed class NumericEqualsMatcher(double value) : ValueMatcher
{
    public double Value { get; } = value;

    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.Number && leaf.TryGetDouble(out var number) && number == Value;
}
