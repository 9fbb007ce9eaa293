using System.Text.Json;
using System.Text.RegularExpressions;
using Patterns.LocalCloud.Lambda.Functions;

namespace Patterns.LocalCloud.Triggers.Sns;

/// <summary>
/// Whether a function's resource-based policy lets an AWS service (sns.amazonaws.com,
/// s3.amazonaws.com) invoke it on behalf of a source: AWS refuses such an invoke without an
/// Allow statement for that principal and lambda:InvokeFunction whose SourceArn/SourceAccount
/// conditions, if any, hold.
/// </summary>
internal static class LambdaResourcePolicy
{
    public static bool AllowsService(RegisteredFunction function, string servicePrincipal, string sourceArn, string sourceAccount)
    {
        if (function.Policy.IsEmpty)
            return false;
        using var policy = JsonDocument.Parse(function.Policy.ToJson(function.Definition.Arn));
        return policy.RootElement.GetProperty("Statement").EnumerateArray().Any(statement =>
            statement.TryGetProperty("Effect", out var effect) && effect.GetString() == "Allow"
            && AllowsPrincipal(statement, servicePrincipal)
            && AllowsAction(statement)
            && ConditionsHold(statement, sourceArn, sourceAccount));
    }

    private static bool AllowsPrincipal(JsonElement statement, string servicePrincipal)
    {
        if (!statement.TryGetProperty("Principal", out var principal))
            return false;
        if (principal.ValueKind == JsonValueKind.String)
            return principal.GetString() == "*";
        foreach (var property in principal.EnumerateObject())
        {
            var values = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().Select(v => v.GetString()) : [property.Value.GetString()];
            if ((property.Name == "Service" && values.Contains(servicePrincipal)) || (property.Name == "AWS" && values.Contains("*")))
                return true;
        }
        return false;
    }

    private static bool AllowsAction(JsonElement statement)
    {
        if (!statement.TryGetProperty("Action", out var action))
            return false;
        var actions = action.ValueKind == JsonValueKind.Array ? action.EnumerateArray().Select(a => a.GetString()) : [action.GetString()];
        return actions.Any(a => a is "*" or "lambda:*" || string.Equals(a, "lambda:InvokeFunction", StringComparison.OrdinalIgnoreCase));
    }

    private static bool ConditionsHold(JsonElement statement, string sourceArn, string sourceAccount)
    {
        if (!statement.TryGetProperty("Condition", out var condition))
            return true;
        foreach (var test in condition.EnumerateObject())
        {
            foreach (var key in test.Value.EnumerateObject())
            {
                var expected = key.Value.ValueKind == JsonValueKind.Array ? key.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray() : [key.Value.GetString() ?? ""];
                var actual = key.Name.ToLowerInvariant() switch
                {
                    "aws:sourcearn" => sourceArn,
                    "aws:sourceaccount" => sourceAccount,
                    _ => null,
                };
                if (actual is null)
                    continue; // a key this check does not know of does not decide the outcome locally
                var holds = test.Name switch
                {
                    "ArnLike" or "StringLike" => expected.Any(pattern => Wildcard(pattern).IsMatch(actual)),
                    "ArnEquals" or "StringEquals" => expected.Contains(actual, StringComparer.Ordinal),
                    _ => true,
                };
                if (!holds)
                    return false;
            }
        }
        return true;
    }

    private static Regex Wildcard(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
