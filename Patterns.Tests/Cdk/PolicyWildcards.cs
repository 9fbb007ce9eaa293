using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Patterns.Tests.Cdk;

/// <summary>
/// Finds over-broad grants in a template: every statement of every policy document it holds
/// (identity policies, roles' inline and trust policies, managed policies, resource policies)
/// is checked for a wildcard action, a NotAction/NotResource, and a wildcard resource. A
/// resource "*" is accepted only where every action of the statement is one AWS grants on
/// "*" alone (X-Ray's, for active tracing); a data resource never gets one. The one other
/// wildcard accepted is the objects of one bucket (its ARN followed by "/*"), for object
/// actions alone: object actions apply to object ARNs, and the keys are not known in advance.
/// </summary>
internal static partial class PolicyWildcards
{
    private static readonly HashSet<string> ActionsWithoutResourceLevelPermissions = new(StringComparer.Ordinal)
    {
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
    };

    private static readonly HashSet<string> ObjectActions = new(StringComparer.Ordinal)
    {
        "s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging", "s3:PutObject", "s3:PutObjectTagging",
        "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts",
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

        var wildcardResources = Values(statement["Resource"])
            .Where(r => Flatten(r).Contains('*', StringComparison.Ordinal))
            .Where(r => !(actions.All(ObjectActions.Contains) && IsObjectsOfOneBucket(r)))
            .Select(Flatten)
            .ToList();
        if (wildcardResources.Count > 0 && !actions.All(ActionsWithoutResourceLevelPermissions.Contains))
            yield return $"wildcard resource {string.Join(", ", wildcardResources.Select(r => $"'{r}'"))} for {string.Join(", ", actions)}";
    }

    /// <summary>arn:aws:s3:::name/*, or a bucket's ARN attribute joined with "/*".</summary>
    private static bool IsObjectsOfOneBucket(JsonNode? resource) => resource switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => BucketObjectsArn().IsMatch(text),
        JsonObject join when join["Fn::Join"] is JsonArray { Count: 2 } parts
            && (string?)parts[0] == ""
            && parts[1] is JsonArray { Count: 2 } items
            && items[0] is JsonObject { Count: 1 } arn && arn["Fn::GetAtt"] is JsonArray { Count: 2 } getAtt && (string?)getAtt[1] == "Arn"
            && items[1] is JsonValue suffix && suffix.TryGetValue<string>(out var text) && text == "/*" => true,
        _ => false,
    };

    [GeneratedRegex(@"^arn:[a-z-]+:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\*$")]
    private static partial Regex BucketObjectsArn();

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
