using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Lambda.EventSourceMappings;

namespace Patterns.LocalCloud.Lambda.Api;

/// <summary>
/// The event source mapping operations of the Lambda API (rest-json, /2015-03-31/event-source-mappings):
/// Create and Update and Delete answer 202 with the configuration, Get and List 200. Parameter
/// constraints fail as AWS's do (ValidationException); the rest is the registry's.
/// </summary>
internal sealed class EventSourceMappingApi(EventSourceMappingRegistry mappings)
{
    private const int DefaultListItems = 100;
    private const int MaxPatternLength = 4096;

    // Parameters of stream, Kafka, MQ and DocumentDB sources, which an SQS mapping refuses.
    private static readonly string[] StreamOnlyParameters =
    [
        "StartingPosition", "StartingPositionTimestamp", "ParallelizationFactor", "BisectBatchOnFunctionError",
        "MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "DestinationConfig", "TumblingWindowInSeconds", "Topics",
        "Queues", "SourceAccessConfigurations", "SelfManagedEventSource", "AmazonManagedKafkaEventSourceConfig",
        "SelfManagedKafkaEventSourceConfig", "DocumentDBEventSourceConfig",
    ];

    public async Task CreateAsync(HttpContext context)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        foreach (var parameter in StreamOnlyParameters)
        {
            if (body[parameter] is not null)
                throw EventSourceMappingErrors.NotValidForSqs(parameter);
        }
        var settings = ReadSettings(body) with
        {
            FunctionName = String(body, "FunctionName") ?? throw EventSourceMappingErrors.Validation("functionName", "Member must not be null", null),
            EventSourceArn = String(body, "EventSourceArn"),
            Tags = body["Tags"] is JsonObject tags ? tags.ToDictionary(t => t.Key, t => t.Value?.ToString() ?? "", StringComparer.Ordinal) : null,
        };
        var mapping = await mappings.CreateAsync(settings, context.RequestAborted).ConfigureAwait(false);
        await WriteJsonAsync(context, 202, EventSourceMappingJson.Configuration(mapping)).ConfigureAwait(false);
    }

    public Task GetAsync(HttpContext context, string uuid) =>
        WriteJsonAsync(context, 200, EventSourceMappingJson.Configuration(mappings.Get(uuid)));

    public Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var maxItems = query["MaxItems"].FirstOrDefault() is { } max ? ListLimit(max) : DefaultListItems;
        var start = int.TryParse(query["Marker"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var marker) ? marker : 0;
        var all = mappings.List(query["EventSourceArn"].FirstOrDefault(), query["FunctionName"].FirstOrDefault());
        var page = all.Skip(start).Take(maxItems).Select(m => (JsonNode)EventSourceMappingJson.Configuration(m)).ToArray();
        var result = new JsonObject { ["EventSourceMappings"] = new JsonArray(page) };
        if (start + page.Length < all.Count)
            result["NextMarker"] = (start + page.Length).ToString(CultureInfo.InvariantCulture);
        return WriteJsonAsync(context, 200, result);
    }

    public async Task UpdateAsync(HttpContext context, string uuid)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        var settings = ReadSettings(body) with { FunctionName = String(body, "FunctionName") };
        var mapping = await mappings.UpdateAsync(uuid, settings, context.RequestAborted).ConfigureAwait(false);
        await WriteJsonAsync(context, 202, EventSourceMappingJson.Configuration(mapping)).ConfigureAwait(false);
    }

    public Task DeleteAsync(HttpContext context, string uuid) =>
        WriteJsonAsync(context, 202, EventSourceMappingJson.Configuration(mappings.Delete(uuid)));

    /// <summary>The settings Create and Update share, each checked against the API's constraints.</summary>
    private static EventSourceMappingSettings ReadSettings(JsonObject body)
    {
        var scaling = body["ScalingConfig"] as JsonObject;
        return new EventSourceMappingSettings
        {
            Enabled = Bool(body, "Enabled"),
            BatchSize = Int(body, "BatchSize", "batchSize", 1, 10000),
            MaximumBatchingWindowInSeconds = Int(body, "MaximumBatchingWindowInSeconds", "maximumBatchingWindowInSeconds", 0, 300),
            FunctionResponseTypes = ResponseTypes(body["FunctionResponseTypes"]),
            FilterPatterns = FilterPatterns(body["FilterCriteria"]),
            ScalingConfigGiven = scaling is not null,
            MaximumConcurrency = scaling is null ? null : Int(scaling, "MaximumConcurrency", "scalingConfig.maximumConcurrency", 2, 1000),
        };
    }

    private static List<string>? ResponseTypes(JsonNode? node)
    {
        if (node is null)
            return null;
        var types = node is JsonArray array ? array.Select(t => t?.ToString() ?? "null").ToList() : [node.ToString()];
        if (types.Count > 1)
            throw EventSourceMappingErrors.Validation("functionResponseTypes", "Member must have length less than or equal to 1", $"[{string.Join(", ", types)}]");
        if (types.Any(t => t != EventSourceMapping.ReportBatchItemFailures))
        {
            throw EventSourceMappingErrors.Validation("functionResponseTypes",
                $"Member must satisfy constraint: [Member must satisfy enum value set: [{EventSourceMapping.ReportBatchItemFailures}]]", $"[{string.Join(", ", types)}]");
        }
        return types;
    }

    /// <summary>FilterCriteria {"Filters":[{"Pattern":"…"}]} as its patterns; an empty one (or no Filters) clears the filter.</summary>
    private static List<string>? FilterPatterns(JsonNode? node)
    {
        if (node is null)
            return null;
        if (node is not JsonObject criteria || criteria["Filters"] is { } notList && notList is not JsonArray)
            throw EventSourceMappingErrors.Validation("filterCriteria", "Member must be a structure with a list of Filters", node.ToJsonString());
        var patterns = new List<string>();
        foreach (var (filter, index) in (criteria["Filters"] as JsonArray ?? []).Select((f, i) => (f, i)))
        {
            var pattern = filter is JsonObject entry ? String(entry, "Pattern") : null;
            if (pattern?.Length > MaxPatternLength)
                throw EventSourceMappingErrors.Validation($"filterCriteria.filters.{index + 1}.member.pattern", $"Member must have length less than or equal to {MaxPatternLength}", pattern);
            patterns.Add(pattern ?? "");
        }
        return patterns;
    }

    private static int ListLimit(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max is >= 1 and <= 10000
            ? max
            : throw EventSourceMappingErrors.Validation("maxItems", "Member must have value between 1 and 10000", value);

    private static int? Int(JsonObject body, string field, string path, int min, int max)
    {
        if (body[field] is null)
            return null;
        if (body[field] is not JsonValue value || !value.TryGetValue<int>(out var number))
            throw EventSourceMappingErrors.Validation(path, "Member must be an integer", body[field]!.ToJsonString());
        if (number < min)
            throw EventSourceMappingErrors.Validation(path, $"Member must have value greater than or equal to {min}", number);
        if (number > max)
            throw EventSourceMappingErrors.Validation(path, $"Member must have value less than or equal to {max}", number);
        return number;
    }

    private static bool? Bool(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        var other => throw EventSourceMappingErrors.Validation(char.ToLowerInvariant(field[0]) + field[1..], "Member must be a boolean", other.ToJsonString()),
    };

    private static string? String(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => throw EventSourceMappingErrors.Validation(char.ToLowerInvariant(field[0]) + field[1..], "Member must be a string", other.ToJsonString()),
    };

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false)
                ?? throw EventSourceMappingErrors.Validation("body", "The request body must be a JSON object", "null");
        }
        catch (JsonException exception)
        {
            throw EventSourceMappingErrors.Validation("body", $"The request body must be JSON ({exception.Message})", "");
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8).ConfigureAwait(false);
    }
}
