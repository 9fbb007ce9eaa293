using System.Globalization;
using System.Text.Json.Nodes;
using Patterns.LocalCloud.Lambda.Functions;

namespace Patterns.LocalCloud.Lambda.Api;

/// <summary>FunctionConfiguration and GetFunction's answer, in the Lambda API's field names.</summary>
internal static class FunctionJson
{
    public static JsonObject Configuration(FunctionDefinition function)
    {
        var configuration = new JsonObject
        {
            ["FunctionName"] = function.Name,
            ["FunctionArn"] = function.Arn,
            ["Runtime"] = function.Runtime,
            ["Role"] = function.Role,
            ["Handler"] = function.Handler,
            ["CodeSize"] = function.Code.Size,
            ["Description"] = function.Description,
            ["Timeout"] = function.TimeoutSeconds,
            ["MemorySize"] = function.MemorySizeMb,
            ["LastModified"] = function.LastModified.ToString("yyyy-MM-dd'T'HH:mm:ss.fff+0000", CultureInfo.InvariantCulture),
            ["CodeSha256"] = function.Code.Sha256,
            ["Version"] = "$LATEST",
            ["Environment"] = new JsonObject { ["Variables"] = Variables(function.Environment) },
            ["TracingConfig"] = new JsonObject { ["Mode"] = "PassThrough" },
            ["RevisionId"] = function.RevisionId,
            ["State"] = "Active",
            ["LastUpdateStatus"] = "Successful",
            ["PackageType"] = "Zip",
            ["Architectures"] = new JsonArray(function.Architectures.Select(a => (JsonNode)a).ToArray()),
            ["EphemeralStorage"] = new JsonObject { ["Size"] = 512 },
            ["LoggingConfig"] = new JsonObject { ["LogFormat"] = "Text", ["LogGroup"] = function.LogGroupName },
        };
        if (function.DeadLetterTargetArn is { } target)
            configuration["DeadLetterConfig"] = new JsonObject { ["TargetArn"] = target };
        return configuration;
    }

    public static JsonObject GetFunction(FunctionDefinition function) => new()
    {
        ["Configuration"] = Configuration(function),
        ["Code"] = new JsonObject { ["RepositoryType"] = "S3", ["Location"] = function.Code.Location },
        ["Tags"] = Variables(function.Tags),
    };

    private static JsonObject Variables(IReadOnlyDictionary<string, string> values)
    {
        var result = new JsonObject();
        foreach (var (name, value) in values)
            result[name] = value;
        return result;
    }
}
