using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// A compiled EventBridge event pattern. An event matches when, for some branch (one per
/// <c>$or</c> alternative), every field condition holds: some leaf value at the field's path
/// matches one of the field's values, or the field has no leaf and the values include
/// <c>{"exists": false}</c>. Leaves chosen for different fields must come from the same element
/// of any array they share, so fields of two different objects in one array never combine.
/// </summary>
internal sealed class EventPattern
{
    private readonly IReadOnlyList<IReadOnlyList<FieldCondition>> _branches;

    private EventPattern(IReadOnlyList<IReadOnlyList<FieldCondition>> branches) => _branches = branches;

    /// <exception cref="EventPatternException">The pattern is not one EventBridge accepts.</exception>
    public static EventPattern Parse(string json) => new(EventPatternParser.Parse(json));

    public bool Matches(JsonElement @event)
    {
        var flat = new FlatEvent(@event);
        return _branches.Any(branch => BranchMatches(branch, flat));
    }

    private static bool BranchMatches(IReadOnlyList<FieldCondition> branch, FlatEvent flat)
    {
        var choices = new List<IReadOnlyList<EventLeaf>>();
        foreach (var condition in branch)
        {
            var leaves = flat.At(condition.Path);
            if (leaves.Count == 0)
            {
                if (!condition.AcceptsAbsence)
                    return false;
                continue;
            }
            var candidates = leaves.Where(leaf => condition.Matchers.Any(m => m.Matches(leaf.Value))).ToList();
            if (candidates.Count == 0)
                return false;
            choices.Add(candidates);
        }
        // Fewest candidates first keeps the search for a consistent choice short.
        choices.Sort((a, b) => a.Count.CompareTo(b.Count));
        return Consistent(choices, 0, new Dictionary<int, int>());
    }

    /// <summary>Whether one leaf per remaining field can be chosen with every shared array at the same index.</summary>
    private static bool Consistent(List<IReadOnlyList<EventLeaf>> choices, int next, Dictionary<int, int> fixedIndexes)
    {
        if (next == choices.Count)
            return true;
        foreach (var leaf in choices[next])
        {
            var added = new List<int>();
            var fits = true;
            foreach (var (array, index) in leaf.Positions)
            {
                if (fixedIndexes.TryGetValue(array, out var chosen))
                {
                    if (chosen != index)
                    {
                        fits = false;
                        break;
                    }
                }
                else
                {
                    fixedIndexes[array] = index;
                    added.Add(array);
                }
            }
            if (fits && Consistent(choices, next + 1, fixedIndexes))
                return true;
            foreach (var array in added)
                fixedIndexes.Remove(array);
        }
        return false;
    }
}
