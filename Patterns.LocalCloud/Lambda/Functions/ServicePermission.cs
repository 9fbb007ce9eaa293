using System.Text.Json;
using System.Text.RegularExpressions;

namespace Patterns.LocalCloud.Lambda.Functions;

/// <summary>
/// Whether a function's resource-based policy lets an AWS service (events.amazonaws.com,
/// sns.amazonaws.com, s3.amazonaws.com) invoke it on behalf of a source, as AWS checks before a
/// trigger's invoke: an Allow statement for that service principal (or *) and the action
/// lambda:InvokeFunction (or a wildcard covering it), whose conditions, if any, name the source
/// (ArnLike/ArnEquals AWS:SourceArn, wildcards allowed) and the account (AWS:SourceAccount). A
/// condition the trigger's request cannot be shown to meet fails the statement, as in AWS.
/// </summary>
internal static class ServicePermission
{
    public static bool Allows(RegisteredFunction function, string servicePrincipal, string sourceArn, string accountId)
    {
        if (function.Policy.IsEmpty)
            return false;
        using var policy = JsonDocument.Parse(function.Policy.ToJson(function.Definition.Arn));
        if (!policy.RootElement.TryGetProperty("Statement", out var statements) || statements.ValueKind != JsonValueKind.Array)
            return false;
        return statements.EnumerateArray().Any(statement => Allows(statement, servicePrincipal, sourceArn, accountId));
    }

    private static bool Allows(JsonElement statement, string servicePrincipal, string sourceArn, string accountId)
    {
        if (!statement.TryGetProperty("Effect", out var effect) || effect.GetString() != "Allow")
            return false;
        if (!statement.TryGetProperty("Principal", out var principal) || !PrincipalIs(principal, servicePrincipal))
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
                    ("ArnLike" or "StringLike", "aws:sourcearn") => expected.Any(e => Glob(e, sourceArn, ignoreCase: false)),
                    ("ArnEquals" or "StringEquals", "aws:sourcearn") => expected.Contains(sourceArn),
                    ("StringEquals" or "StringLike", "aws:sourceaccount") => expected.Any(e => Glob(e, accountId, ignoreCase: false)),
                    _ => false, // a condition the trigger's request cannot be shown to meet
                };
                if (!holds)
                    return false;
            }
        }
        return true;
    }

    private static bool PrincipalIs(JsonElement principal, string servicePrincipal) => principal.ValueKind switch
    {
        JsonValueKind.String => principal.GetString() == "*",
        JsonValueKind.Object => principal.EnumerateObject().Any(p =>
            (p.Name == "Service" && Values(p.Value).Any(v => v == servicePrincipal || v == "*"))
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
