namespace Patterns.AppHost;

/// <summary>
/// The AppHost's own option, <c>--patterns 1,4</c>: run only those patterns of the catalogue
/// (each with what it builds on, as its Declare adds it) instead of all of them. The rest of
/// the command line is the local runner's.
/// </summary>
public static class PatternSelection
{
    public const string Option = "--patterns";

    public const string Usage = """
        App options:
          --patterns N,M   run only these patterns of the catalogue (by number, e.g. 1,4), each
                           with what it builds on; default: all of them
        """;

    /// <summary>Takes <c>--patterns</c> out of <paramref name="args"/>.</summary>
    /// <returns>The chosen patterns in the catalogue's order (all when the option is absent) and the arguments left for the runner.</returns>
    /// <exception cref="ArgumentException">The option without a list, or a number no pattern has, naming the patterns there are.</exception>
    public static (IReadOnlyList<IPattern> Patterns, string[] RunnerArgs) Take(IReadOnlyList<string> args, IReadOnlyList<IPattern> catalogue)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(catalogue);
        var rest = new List<string>();
        List<IPattern>? chosen = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] != Option)
            {
                rest.Add(args[i]);
                continue;
            }
            if (i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"{Option} needs the numbers of the patterns to run, e.g. {Option} 1,4.{Environment.NewLine}{Usage}");
            chosen ??= [];
            foreach (var number in args[++i].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var pattern = catalogue.FirstOrDefault(p => NumberOf(p) is { } n && n.ToString(System.Globalization.CultureInfo.InvariantCulture) == number.TrimStart('0'))
                    ?? throw new ArgumentException($"{Option}: there is no pattern '{number}'. The patterns are: {string.Join(", ", catalogue.Select(Describe))}.");
                if (!chosen.Contains(pattern))
                    chosen.Add(pattern);
            }
        }
        // In the catalogue's order, whatever the list's: a pattern declares what it builds on only
        // when an earlier one has not.
        return (chosen is null ? [.. catalogue] : [.. catalogue.Where(chosen.Contains)], [.. rest]);
    }

    // A pattern's number is in its type's name: Pattern04QueueLoadLeveling is pattern 4.
    private static int? NumberOf(IPattern pattern)
    {
        var name = pattern.GetType().Name;
        const string prefix = "Pattern";
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var digits = name[prefix.Length..].TakeWhile(char.IsAsciiDigit).ToArray();
        return digits.Length > 0 ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static string Describe(IPattern pattern) =>
        NumberOf(pattern) is { } number ? $"{number} ({pattern.GetType().Name})" : pattern.GetType().Name;
}
