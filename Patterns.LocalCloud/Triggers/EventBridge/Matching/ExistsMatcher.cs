using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// <c>{"exists": true}</c> matches any leaf value at the field, null included;
/// <c>{"exists": false}</c> matches when the field has no leaf value at all (missing, an empty
/// array, or an object, since exists only looks at leaves), which the branch matcher decides.
/// </summary>
internal sealed class ExistsMatcher(bool exists) : ValueMatcher
{
    public bool Exists { get; } = exists;

    public override bool Matches(JsonElement leaf) => Exists;
}
