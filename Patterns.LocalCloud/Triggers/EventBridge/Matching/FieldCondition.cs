namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// One field of a pattern branch: the field's path (names joined by dots, as EventBridge
/// flattens events) and its value list, of which any one entry must match.
/// </summary>
internal sealed record FieldCondition(string Path, IReadOnlyList<ValueMatcher> Matchers)
{
    public bool AcceptsAbsence => Matchers.Any(m => m is ExistsMatcher { Exists: false });
}
