using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// One entry of a field's value list in an event pattern (an exact value or a content filter
/// such as prefix or numeric), tested against one leaf value of the event: a string, number,
/// true, false or null. Objects and arrays are never leaves.
/// </summary>
internal abstract class ValueMatcher
{
    public abstract bool Matches(JsonElement leaf);
}
