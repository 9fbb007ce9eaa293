using System.Text.Json.Nodes;

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
}
