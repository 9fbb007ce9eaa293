namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// IAM's wildcard matching for policy actions and resources: <c>*</c> matches any run of
/// characters (slashes and colons included), <c>?</c> any one character; everything else literally.
/// </summary>
internal static class WildcardPattern
{
    public static bool Matches(string pattern, string value, StringComparison comparison)
    {
        // Greedy match with backtracking to the last '*': linear in practice, no regex needed.
        int p = 0, v = 0, starAt = -1, resumeAt = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], value[v], comparison)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starAt = p++;
                resumeAt = v;
            }
            else if (starAt >= 0)
            {
                p = starAt + 1;
                v = ++resumeAt;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }

    private static bool CharEquals(char left, char right, StringComparison comparison) =>
        left == right || (comparison == StringComparison.OrdinalIgnoreCase && char.ToUpperInvariant(left) == char.ToUpperInvariant(right));
}
