using System.Text.Json.Nodes;
using Patterns.LocalCloud.Lambda.EventSourceMappings;

namespace Patterns.LocalCloud.Lambda.Api;

/// <summary>EventSourceMappingConfiguration, in the Lambda API's field names (LastModified in epoch seconds).</summary>
internal static class EventSourceMappingJson
{
    public static JsonObject Configuration(EventSourceMapping mapping)
    {
        var arn = mapping.FunctionArn.Split(':');
        var configuration = new JsonObject
        {
            ["UUID"] = mapping.Uuid,
            ["BatchSize"] = mapping.BatchSize,
            ["MaximumBatchingWindowInSeconds"] = mapping.MaximumBatchingWindowInSeconds,
            ["EventSourceArn"] = mapping.EventSourceArn,
            ["FunctionArn"] = mapping.FunctionArn,
            ["LastModified"] = mapping.LastModified.ToUnixTimeMilliseconds() / 1000.0,
            ["State"] = mapping.State,
            ["StateTransitionReason"] = mapping.StateTransitionReason,
            ["FunctionResponseTypes"] = new JsonArray([.. mapping.FunctionResponseTypes.Select(t => (JsonNode)t)]),
            ["EventSourceMappingArn"] = $"arn:aws:lambda:{arn[3]}:{arn[4]}:event-source-mapping:{mapping.Uuid}",
        };
        if (mapping.FilterPatterns.Count > 0)
        {
            configuration["FilterCriteria"] = new JsonObject
            {
                ["Filters"] = new JsonArray([.. mapping.FilterPatterns.Select(p => (JsonNode)new JsonObject { ["Pattern"] = p })]),
            };
        }
        if (mapping.MaximumConcurrency is { } concurrency)
            configuration["ScalingConfig"] = new JsonObject { ["MaximumConcurrency"] = concurrency };
        return configuration;
    }
}
