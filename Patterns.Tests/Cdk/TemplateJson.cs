using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Patterns.Tests.Cdk;

/// <summary>A synthesized template as JSON, for the checks that walk it rather than match a pattern.</summary>
public sealed record TemplateJson(string Path, JsonObject Root)
{
    public static TemplateJson Load(string path) =>
        new(path, JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is not a JSON object."));

    public IEnumerable<(string LogicalId, JsonObject Resource)> Resources(string type) =>
        (Root["Resources"]?.AsObject() ?? [])
            .Where(r => (string?)r.Value?["Type"] == type)
            .Select(r => (r.Key, r.Value!.AsObject()));

    /// <summary>The one resource of <paramref name="type"/> whose logical id starts with <paramref name="prefix"/> (construct paths give the prefix).</summary>
    public (string LogicalId, JsonObject Resource) Single(string type, string prefix) =>
        Assert.Single(Resources(type), r => r.LogicalId.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// The one resource of <paramref name="type"/> whose logical id is exactly <paramref name="path"/>
    /// (the construct path's letters and digits) and CDK's 8-digit hash: PaymentQueue, not PaymentQueueDLQ.
    /// </summary>
    public (string LogicalId, JsonObject Resource) Exactly(string type, string path) =>
        Assert.Single(Resources(type), r => Regex.IsMatch(r.LogicalId, $"^{Regex.Escape(path)}[0-9A-F]{{8}}$"));

    /// <summary>Every action the policies attached to <paramref name="roleId"/> allow, as "action on resource-JSON", sorted.</summary>
    public IReadOnlyList<string> Grants(string roleId) =>
        Resources("AWS::IAM::Policy")
            .Where(p => p.Resource["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r?["Ref"] == roleId))
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .SelectMany(statement => Pattern01StackTests.Actions(statement!).Select(action => $"{action} on {statement!["Resource"]!.ToJsonString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The grants every function's role has: its own log group and X-Ray.</summary>
    public IEnumerable<string> BaseGrants(string logGroupId) =>
        new[] { "logs:CreateLogStream", "logs:PutLogEvents" }.Select(a => $"{a} on {GetAtt(logGroupId, "Arn")}")
            .Concat(new[] { "xray:PutTelemetryRecords", "xray:PutTraceSegments" }.Select(a => $"{a} on \"*\""));

    public static string Ref(string logicalId) => $$"""{"Ref":"{{logicalId}}"}""";

    public static string GetAtt(string logicalId, string attribute) => $$"""{"Fn::GetAtt":["{{logicalId}}","{{attribute}}"]}""";

    /// <summary>A bucket's objects: its ARN and "/*".</summary>
    public static string Objects(string bucketId) => $$"""{"Fn::Join":["",[{{GetAtt(bucketId, "Arn")}},"/*"]]}""";
}
