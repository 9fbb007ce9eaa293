using System.Text.Json.Nodes;

namespace Patterns.Tests.Cdk;

/// <summary>
/// Finds over-broad grants in a template: every statement of every policy document it holds
/// (identity policies, roles' inline and trust policies, managed policies, resource policies)
/// is checked for a wildcard action, a NotAction/NotResource, and a wildcard resource. A
/// resource "*" is accepted only where every action of the statement is one AWS grants on
/// "*" alone (X-Ray's, for active tracing); a data resource never gets one.
/// </summary>
internal static class PolicyWildcards
{
    private static readonly HashSet<string> ActionsWithoutResourceLevelPermissions = new(StringComparer.Ordinal)
    {
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
    };

    private static readonly string[] PolicyDocumentProperties = ["PolicyDocument", "AssumeRolePolicyDocument"];

    /// <returns>One line per violation: the template, the resource, the statement and what is wrong.</returns>
    public static IEnumerable<string> Find(TemplateJson template)
    {
        foreach (var (logicalId, resource) in template.Root["Resources"]?.AsObject() ?? [])
        {
            var properties = resource?["Properties"]?.AsObject();
            if (properties is null)
                continue;
            var documents = PolicyDocumentProperties.Select(p => properties[p])
                .Concat((properties["Policies"]?.AsArray() ?? []).Select(p => p?["PolicyDocument"]))
                .OfType<JsonObject>();
            foreach (var document in documents)
            {
                foreach (var statement in Statements(document))
                {
                    foreach (var problem in Check(statement))
                        yield return $"{Path.GetFileName(template.Path)} {logicalId}: {problem} in {statement.ToJsonString()}";
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Statements(JsonObject document) => document["Statement"] switch
    {
        JsonArray statements => statements.OfType<JsonObject>(),
        JsonObject statement => [statement],
        _ => [],
    };

    private static IEnumerable<string> Check(JsonObject statement)
    {
        if ((string?)statement["Effect"] == "Deny")
            yield break;
        if (statement.ContainsKey("NotAction"))
            yield return "NotAction (allows everything else)";
        if (statement.ContainsKey("NotResource"))
            yield return "NotResource (allows everything else)";

        var actions = Strings(statement["Action"]).ToList();
        foreach (var action in actions.Where(a => a.Contains('*', StringComparison.Ordinal)))
            yield return $"wildcard action '{action}'";

        var wildcardResources = Values(statement["Resource"]).Select(Flatten).Where(r => r.Contains('*', StringComparison.Ordinal)).ToList();
        if (wildcardResources.Count > 0 && !actions.All(ActionsWithoutResourceLevelPermissions.Contains))
            yield return $"wildcard resource {string.Join(", ", wildcardResources.Select(r => $"'{r}'"))} for {string.Join(", ", actions)}";
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        Values(node).Select(v => v is JsonValue value && value.TryGetValue<string>(out var text) ? text : v?.ToJsonString() ?? "");

    private static IEnumerable<JsonNode?> Values(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.AsEnumerable(),
        // A new array, not a JsonArray: the node keeps its parent.
        _ => new[] { node },
    };

    /// <summary>A resource as text: literal parts as they are, references and attributes as placeholders.</summary>
    private static string Flatten(JsonNode? resource)
    {
        switch (resource)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                return text;
            case JsonObject join when join["Fn::Join"] is JsonArray { Count: 2 } parts:
                var separator = (string?)parts[0] ?? "";
                return string.Join(separator, (parts[1]?.AsArray() ?? []).Select(Flatten));
            case JsonObject sub when sub["Fn::Sub"] is { } template:
                return template is JsonArray withValues ? (string?)withValues[0] ?? "" : (string?)template ?? "";
            default:
                // A Ref or Fn::GetAtt: resolved at deployment to one resource's name or ARN.
                return resource?.ToJsonString() ?? "";
        }
    }
}
