using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Patterns.LocalCloud.ApiGateway.Authorizers;

/// <summary>
/// What a Lambda authorizer returned: the principal, the policy statements and the context map.
/// Context values are kept as the strings a REST API's proxy event gives them
/// (<c>1</c> → <c>"1"</c>, <c>true</c> → <c>"true"</c>).
/// </summary>
internal sealed record AuthorizerOutput(
    string PrincipalId,
    IReadOnlyList<PolicyStatement> Statements,
    IReadOnlyList<KeyValuePair<string, string>> Context,
    string? UsageIdentifierKey)
{
    public PolicyDecision Evaluate(string methodArn)
    {
        if (Statements.Any(statement => !statement.IsAllow && statement.AppliesTo(methodArn)))
            return PolicyDecision.ExplicitDeny;
        return Statements.Any(statement => statement.IsAllow && statement.AppliesTo(methodArn))
            ? PolicyDecision.Allow
            : PolicyDecision.NotAllowed;
    }

    /// <summary>
    /// Reads the function's response. Anything API Gateway would not accept (not JSON, no
    /// principalId or policyDocument, a statement without Effect, Action or Resource, a context
    /// value that is an object or array) is a problem, which API Gateway answers with 500.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out AuthorizerOutput? output, [NotNullWhen(false)] out string? problem)
    {
        output = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            problem = "the authorizer's response is not JSON";
            return false;
        }
        using (document)
        {
            problem = Read(document.RootElement, out output);
            return problem is null;
        }
    }

    private static string? Read(JsonElement root, out AuthorizerOutput? output)
    {
        output = null;
        if (root.ValueKind != JsonValueKind.Object)
            return $"the authorizer's response is {Describe(root)}; it must be an object with principalId and policyDocument";
        if (!root.TryGetProperty("principalId", out var principal) || principal.ValueKind != JsonValueKind.String)
            return "the authorizer's response has no principalId string";
        if (!root.TryGetProperty("policyDocument", out var document) || document.ValueKind != JsonValueKind.Object)
            return "the authorizer's response has no policyDocument object";
        if (!document.TryGetProperty("Statement", out var statementNode))
            return "the policyDocument has no Statement";

        var statements = new List<PolicyStatement>();
        var statementElements = statementNode.ValueKind == JsonValueKind.Array ? statementNode.EnumerateArray().ToArray() : [statementNode];
        foreach (var element in statementElements)
        {
            if (ReadStatement(element, out var statement) is { } statementProblem)
                return $"policy statement {statements.Count + 1}: {statementProblem}";
            statements.Add(statement!);
        }

        var context = new List<KeyValuePair<string, string>>();
        if (root.TryGetProperty("context", out var contextNode) && contextNode.ValueKind != JsonValueKind.Null)
        {
            if (contextNode.ValueKind != JsonValueKind.Object)
                return $"context is {Describe(contextNode)}; it must be an object of string, number or boolean values";
            foreach (var entry in contextNode.EnumerateObject())
            {
                string? value = entry.Value.ValueKind switch
                {
                    JsonValueKind.String => entry.Value.GetString(),
                    JsonValueKind.Number => entry.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (value is null)
                    return $"context value '{entry.Name}' is {Describe(entry.Value)}; context values must be strings, numbers or booleans";
                context.Add(new KeyValuePair<string, string>(entry.Name, value));
            }
        }

        string? usageIdentifierKey = null;
        if (root.TryGetProperty("usageIdentifierKey", out var key) && key.ValueKind != JsonValueKind.Null)
        {
            if (key.ValueKind != JsonValueKind.String)
                return $"usageIdentifierKey is {Describe(key)}; it must be a string";
            usageIdentifierKey = key.GetString();
        }

        output = new AuthorizerOutput(principal.GetString()!, statements, context, usageIdentifierKey);
        return null;
    }

    private static string? ReadStatement(JsonElement element, out PolicyStatement? statement)
    {
        statement = null;
        if (element.ValueKind != JsonValueKind.Object)
            return $"it is {Describe(element)}, not an object";
        var effect = element.TryGetProperty("Effect", out var effectNode) && effectNode.ValueKind == JsonValueKind.String ? effectNode.GetString() : null;
        if (effect is not ("Allow" or "Deny"))
            return $"Effect is {(effectNode.ValueKind == JsonValueKind.Undefined ? "missing" : Describe(effectNode))}; it must be \"Allow\" or \"Deny\"";
        if (ReadPatterns(element, "Action", out var actions, out var notAction) is { } actionProblem)
            return actionProblem;
        if (ReadPatterns(element, "Resource", out var resources, out var notResource) is { } resourceProblem)
            return resourceProblem;
        if (element.TryGetProperty("Condition", out var condition))
        {
            // AWS rejects a null Condition; conditions on request keys are not evaluated locally.
            if (condition.ValueKind != JsonValueKind.Object)
                return $"Condition is {Describe(condition)}; it must be an object";
            if (condition.EnumerateObject().Any())
                return "it has a Condition, which the local cloud does not evaluate; return a policy without conditions";
        }
        statement = new PolicyStatement(effect == "Allow", actions, notAction, resources, notResource);
        return null;
    }

    // "Action"/"NotAction" (or "Resource"/"NotResource"): a string or an array of strings.
    private static string? ReadPatterns(JsonElement statement, string name, out IReadOnlyList<string> patterns, out bool negated)
    {
        patterns = [];
        negated = false;
        if (!statement.TryGetProperty(name, out var node))
        {
            if (!statement.TryGetProperty("Not" + name, out node))
                return $"it has neither {name} nor Not{name}";
            negated = true;
        }
        var values = node.ValueKind == JsonValueKind.Array ? node.EnumerateArray().ToArray() : [node];
        if (values.Length == 0 || values.Any(value => value.ValueKind != JsonValueKind.String))
            return $"{(negated ? "Not" : "")}{name} is {Describe(node)}; it must be a string or an array of strings";
        patterns = values.Select(value => value.GetString()!).ToArray();
        return null;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {Truncate(element.GetRawText())}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
