using System.Text.Json.Nodes;

namespace Patterns.LocalCloud.Lambda.Functions;

/// <summary>A function's resource-based policy: the statements AddPermission added.</summary>
internal sealed class FunctionPolicy
{
    private readonly Dictionary<string, JsonObject> _statements = new(StringComparer.Ordinal);

    public bool TryAdd(string statementId, JsonObject statement)
    {
        lock (_statements)
            return _statements.TryAdd(statementId, statement);
    }

    public bool Remove(string statementId)
    {
        lock (_statements)
            return _statements.Remove(statementId);
    }

    public bool IsEmpty
    {
        get
        {
            lock (_statements)
                return _statements.Count == 0;
        }
    }

    public string ToJson(string functionArn)
    {
        lock (_statements)
        {
            var statements = new JsonArray(_statements.Values.Select(s => (JsonNode)s.DeepClone()).ToArray());
            return new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Id"] = "default",
                ["Statement"] = statements,
            }.ToJsonString();
        }
    }
}
