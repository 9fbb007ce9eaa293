using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// An event as EventBridge matches it: every leaf value (string, number, true, false, null) under
/// its dotted path. Array elements share their array's path, so a pattern value matches an array
/// when it matches any element; objects and empty arrays have no leaves of their own.
/// </summary>
internal sealed class FlatEvent
{
    private static readonly IReadOnlyList<EventLeaf> None = [];

    private readonly Dictionary<string, List<EventLeaf>> _leaves = new(StringComparer.Ordinal);
    private int _arrays;

    public FlatEvent(JsonElement root) => Walk(root, "", []);

    public IReadOnlyList<EventLeaf> At(string path) => _leaves.TryGetValue(path, out var leaves) ? leaves : None;

    private void Walk(JsonElement node, string path, IReadOnlyList<(int, int)> positions)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                    Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, positions);
                break;
            case JsonValueKind.Array:
                var array = ++_arrays;
                var index = 0;
                foreach (var element in node.EnumerateArray())
                    Walk(element, path, [.. positions, (array, index++)]);
                break;
            default:
                if (!_leaves.TryGetValue(path, out var list))
                    _leaves[path] = list = [];
                list.Add(new EventLeaf(node, positions));
                break;
        }
    }
}
