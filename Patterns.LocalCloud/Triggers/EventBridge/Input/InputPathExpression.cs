using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Patterns.LocalCloud.Triggers.EventBridge.Input;

/// <summary>
/// The JSON path subset EventBridge evaluates for InputPath and InputPathsMap: $ followed by
/// .name steps (names of letters, digits, dashes, underscores, slashes…), [n] array indices and
/// * wildcards (.* or [*]). A path with a wildcard selects a JSON array of every match.
/// </summary>
internal sealed class InputPathExpression
{
    private readonly IReadOnlyList<(string? Name, int? Index)> _steps; // both null = wildcard
    private readonly bool _hasWildcard;

    private InputPathExpression(IReadOnlyList<(string?, int?)> steps)
    {
        _steps = steps;
        _hasWildcard = steps.Any(s => s.Item1 is null && s.Item2 is null);
    }

    /// <exception cref="InputPathException">The path is not of the supported form.</exception>
    public static InputPathExpression Parse(string path)
    {
        if (!path.StartsWith('$'))
            throw new InputPathException(path, "it must start with $");
        var steps = new List<(string?, int?)>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '['))
                    end++;
                var name = path[(i + 1)..end];
                if (name.Length == 0)
                    throw new InputPathException(path, $"an empty name at position {i + 1}");
                steps.Add(name == "*" ? (null, null) : (name, null));
                i = end;
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                    throw new InputPathException(path, $"an unclosed [ at position {i + 1}");
                var inside = path[(i + 1)..close];
                if (inside == "*")
                    steps.Add((null, null));
                else if (inside.Length > 0 && inside.All(char.IsAsciiDigit))
                    steps.Add((null, int.Parse(inside, CultureInfo.InvariantCulture)));
                else
                    throw new InputPathException(path, $"[{inside}] is neither an index nor *; bracket notation for names is not supported");
                i = close + 1;
            }
            else
            {
                throw new InputPathException(path, $"unexpected '{path[i]}' at position {i + 1}");
            }
        }
        return new InputPathExpression(steps);
    }

    /// <summary>The selected value's JSON text; null when the event has nothing at the path.</summary>
    public string? Select(JsonElement root)
    {
        var current = new List<JsonElement> { root };
        foreach (var (name, index) in _steps)
        {
            var next = new List<JsonElement>();
            foreach (var node in current)
            {
                if (name is not null)
                {
                    if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var child))
                        next.Add(child);
                }
                else if (index is { } position)
                {
                    if (node.ValueKind == JsonValueKind.Array && position < node.GetArrayLength())
                        next.Add(node[position]);
                }
                else if (node.ValueKind == JsonValueKind.Object)
                {
                    next.AddRange(node.EnumerateObject().Select(p => p.Value));
                }
                else if (node.ValueKind == JsonValueKind.Array)
                {
                    next.AddRange(node.EnumerateArray());
                }
            }
            current = next;
        }
        if (!_hasWildcard)
            return current.Count == 1 ? current[0].GetRawText() : null;
        if (current.Count == 0)
            return null;
        var array = new StringBuilder("[");
        array.AppendJoin(',', current.Select(e => e.GetRawText()));
        return array.Append(']').ToString();
    }
}
