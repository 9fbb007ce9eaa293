using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Patterns.LocalCloud.Triggers.EventBridge.Matching;

/// <summary>
/// <c>{"wildcard": "dir/*.png"}</c>: string values matching the whole pattern, where * stands
/// for any run of characters. \* is a literal asterisk and \\ a literal backslash; a backslash
/// before anything else, and two wildcards in a row, are refused as EventBridge refuses them.
/// </summary>
internal sealed class WildcardMatcher : ValueMatcher
{
    // Linear-time matching: a value of any length cannot make a pattern with many * slow.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _regex;

    private WildcardMatcher(Regex regex) => _regex = regex;

    /// <exception cref="EventPatternException">The wildcard pattern is malformed.</exception>
    public static WildcardMatcher Create(string pattern)
    {
        var regex = new StringBuilder("^");
        var literal = new StringBuilder();
        var previousWasWildcard = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length || pattern[i + 1] is not ('*' or '\\'))
                    throw new EventPatternException($"Invalid escape character at pos {i + 1} of wildcard pattern \"{pattern}\": a backslash may only escape * or \\.");
                literal.Append(pattern[++i]);
                previousWasWildcard = false;
            }
            else if (c == '*')
            {
                if (previousWasWildcard)
                    throw new EventPatternException($"Consecutive wildcard characters at pos {i + 1} of wildcard pattern \"{pattern}\".");
                regex.Append(Regex.Escape(literal.ToString())).Append(".*");
                literal.Clear();
                previousWasWildcard = true;
            }
            else
            {
                literal.Append(c);
                previousWasWildcard = false;
            }
        }
        regex.Append(Regex.Escape(literal.ToString())).Append('$');
        return new WildcardMatcher(new Regex(regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout));
    }

    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.String && _regex.IsMatch(leaf.GetString()!);
}
