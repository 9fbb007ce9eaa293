using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// <c>{"anything-but": …}</c>: matches every leaf value that none of the excluded matchers
/// matches. The exclusions are typed (strings exclude strings, numbers exclude numbers), so a
/// value of another type, null included, is "anything but" them and matches, as in EventBridge.
/// </summary>
internal sealed class AnythingButMatcher(IReadOnlyList<ValueMatcher> excluded) : ValueMatcher
{
    public override bool Matches(JsonElement leaf)
    {
        foreach (var exclusion in excluded)
            if (exclusion.Matches(leaf))
                return false;
        return true;
    }
}
