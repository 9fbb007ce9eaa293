using System.Text.Json;
using System.Text.RegularExpressions;

namespace Patterns.LocalCloud.Triggers.EventBridge.Delivery;

/// <summary>
/// Whether a function's resource-based policy lets EventBridge invoke it for a rule: an Allow
/// statement for the principal events.amazonaws.com (or *) and the action lambda:InvokeFunction
/// (or a wildcard covering it), whose conditions, if any, name the rule (ArnLike/ArnEquals
/// AWS:SourceArn, wildcards allowed) and the account (StringEquals AWS:SourceAccount).
/// </summary>
internal static class LambdaPermission
{
    public static bool Allows(string policyJson, string ruleArn, string accountId)
    {
        using var policy = JsonDocument.Parse(policyJson);
        if (!policy.RootElement.TryGetProperty("Statement", out var statements) || statements.ValueKind != JsonValueKind.Array)
            return false;
        return statements.EnumerateArray().Any(statement => Allows(statement, ruleArn, accountId));
    }

    private static bool Allows(JsonElement statement, string ruleArn, string accountId)
    {
        if (!statement.TryGetProperty("Effect", out var effect) || effect.GetString() != "Allow")
            return false;
        if (!statement.TryGetProperty("Principal", out var principal) || !PrincipalIsEventBridge(principal))
            return false;
        if (!statement.TryGetProperty("Action", out var action) || !Values(action).Any(a => Glob(a, "lambda:InvokeFunction", ignoreCase: true)))
            return false;
        if (!statement.TryGetProperty("Condition", out var condition))
            return true;
        foreach (var test in condition.EnumerateObject())
        {
            foreach (var key in test.Value.EnumerateObject())
            {
                var expected = Values(key.Value).ToList();
                var holds = (test.Name, key.Name.ToLowerInvariant()) switch
                {
                    ("ArnLike" or "StringLike", "aws:sourcearn") => expected.Any(e => Glob(e, ruleArn, ignoreCase: false)),
                    ("ArnEquals" or "StringEquals", "aws:sourcearn") => expected.Contains(ruleArn),
                    ("StringEquals" or "StringLike", "aws:sourceaccount") => expected.Any(e => Glob(e, accountId, ignoreCase: false)),
                    _ => false, // a condition EventBridge's request cannot be shown to meet
                };
                if (!holds)
                    return false;
            }
        }
        return true;
    }

    private static bool PrincipalIsEventBridge(JsonElement principal) => principal.ValueKind switch
    {
        JsonValueKind.String => principal.GetString() == "*",
        JsonValueKind.Object => principal.EnumerateObject().Any(p =>
            (p.Name == "Service" && Values(p.Value).Any(v => v is "events.amazonaws.com" or "*"))
            || (p.Name == "AWS" && Values(p.Value).Contains("*"))),
        _ => false,
    };

    private static IEnumerable<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => [],
    };

    /// <summary>IAM's * and ? wildcards.</summary>
    private static bool Glob(string pattern, string value, bool ignoreCase) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
