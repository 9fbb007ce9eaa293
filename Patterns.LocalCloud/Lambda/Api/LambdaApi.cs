using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Lambda.Functions;

namespace Patterns.LocalCloud.Lambda.Api;

/// <summary>
/// The Lambda API's rest-json protocol: routes, request parsing, response and error shapes
/// (status, <c>x-amzn-ErrorType</c>, <c>{"Type","message"}</c>), as the AWS CLI and SDKs expect.
/// </summary>
internal sealed class LambdaApi(LambdaService service, FunctionCodeResolver codeResolver)
{
    private const int SyncPayloadLimit = 6 * 1024 * 1024;
    private const int AsyncPayloadLimit = 256 * 1024;
    private static readonly string[] SupportedRuntimes = ["provided.al2023", "provided.al2", "provided"];
    private readonly EventSourceMappingApi _eventSourceMappings = new(service.EventSourceMappings);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        try
        {
            await RouteAsync(context, request.Method, (request.Path.Value ?? "/").TrimEnd('/').Split('/')).ConfigureAwait(false);
        }
        catch (AwsServiceException error) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, error).ConfigureAwait(false);
        }
    }

    // Paths look like /2015-03-31/functions/{name}/invocations: segment 0 is empty, 1 the API version.
    private Task RouteAsync(HttpContext context, string method, string[] path) => (method, path) switch
    {
        ("GET", [_, "2015-03-31", "functions"]) => ListAsync(context),
        ("POST", [_, "2015-03-31", "functions"]) => CreateAsync(context),
        ("GET", [_, "2015-03-31", "functions", var name]) => WriteJsonAsync(context, 200, FunctionJson.GetFunction(Get(context, name).Definition)),
        ("DELETE", [_, "2015-03-31", "functions", var name]) => DeleteAsync(context, name),
        ("GET", [_, "2015-03-31", "functions", var name, "configuration"]) => WriteJsonAsync(context, 200, FunctionJson.Configuration(Get(context, name).Definition)),
        ("PUT", [_, "2015-03-31", "functions", var name, "configuration"]) => UpdateConfigurationAsync(context, name),
        ("PUT", [_, "2015-03-31", "functions", var name, "code"]) => UpdateCodeAsync(context, name),
        ("POST", [_, "2015-03-31", "functions", var name, "invocations"]) => InvokeAsync(context, name),
        ("GET", [_, "2015-03-31", "functions", var name, "policy"]) => GetPolicyAsync(context, name),
        ("POST", [_, "2015-03-31", "functions", var name, "policy"]) => AddPermissionAsync(context, name),
        ("DELETE", [_, "2015-03-31", "functions", var name, "policy", var statementId]) => RemovePermissionAsync(context, name, statementId),
        ("PUT" or "POST", [_, "2019-09-25", "functions", var name, "event-invoke-config"]) => PutEventInvokeConfigAsync(context, name),
        ("GET", [_, "2019-09-25", "functions", var name, "event-invoke-config"]) => GetEventInvokeConfigAsync(context, name),
        ("POST", [_, "2015-03-31", "event-source-mappings"]) => _eventSourceMappings.CreateAsync(context),
        ("GET", [_, "2015-03-31", "event-source-mappings"]) => _eventSourceMappings.ListAsync(context),
        ("GET", [_, "2015-03-31", "event-source-mappings", var uuid]) => _eventSourceMappings.GetAsync(context, uuid),
        ("PUT", [_, "2015-03-31", "event-source-mappings", var uuid]) => _eventSourceMappings.UpdateAsync(context, uuid),
        ("DELETE", [_, "2015-03-31", "event-source-mappings", var uuid]) => _eventSourceMappings.DeleteAsync(context, uuid),
        _ => throw LambdaErrors.UnknownOperation(method, context.Request.Path.Value ?? "/"),
    };

    private RegisteredFunction Get(HttpContext context, string name) =>
        service.Registry.Get(name, context.Request.Query["Qualifier"].FirstOrDefault());

    private Task ListAsync(HttpContext context)
    {
        var all = service.Registry.All();
        var maxItems = int.TryParse(context.Request.Query["MaxItems"], out var max) && max is > 0 and <= 10000 ? max : 50;
        var start = int.TryParse(context.Request.Query["Marker"], out var marker) ? marker : 0;
        var page = all.Skip(start).Take(maxItems).Select(f => (JsonNode)FunctionJson.Configuration(f.Definition)).ToArray();
        var result = new JsonObject { ["Functions"] = new JsonArray(page) };
        if (start + page.Length < all.Count)
            result["NextMarker"] = (start + page.Length).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WriteJsonAsync(context, 200, result);
    }

    private async Task CreateAsync(HttpContext context)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        var name = Required(body, "FunctionName");
        if (name.Contains(':', StringComparison.Ordinal))
            name = FunctionName.Parse(name).Name;
        var runtime = OptionalString(body, "Runtime") ?? throw LambdaErrors.InvalidParameter("Runtime is required for a zip function.");
        if (!SupportedRuntimes.Contains(runtime))
            throw LambdaErrors.UnsupportedRuntime(runtime);
        var code = body["Code"] as JsonObject ?? throw LambdaErrors.Validation("1 validation error detected: Value null at 'code' failed to satisfy constraint: Member must not be null");

        var definition = new FunctionDefinition
        {
            Name = name,
            Arn = service.Registry.ArnOf(name),
            Runtime = runtime,
            Handler = OptionalString(body, "Handler") ?? throw LambdaErrors.InvalidParameter("Handler is required for a zip function."),
            Role = Required(body, "Role"),
            Code = await codeResolver.ResolveAsync(code, context.RequestAborted).ConfigureAwait(false),
        };
        definition = ApplyConfiguration(definition, body) with { Tags = Strings(body["Tags"]) ?? definition.Tags };
        service.Create(definition);
        await WriteJsonAsync(context, 201, FunctionJson.Configuration(definition)).ConfigureAwait(false);
    }

    private async Task UpdateConfigurationAsync(HttpContext context, string name)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        var function = service.Registry.Get(name);
        if (OptionalString(body, "Runtime") is { } runtime && !SupportedRuntimes.Contains(runtime))
            throw LambdaErrors.UnsupportedRuntime(runtime);
        var updated = ApplyConfiguration(function.Definition, body) with
        {
            Runtime = OptionalString(body, "Runtime") ?? function.Definition.Runtime,
            Handler = OptionalString(body, "Handler") ?? function.Definition.Handler,
            Role = OptionalString(body, "Role") ?? function.Definition.Role,
            LastModified = DateTimeOffset.UtcNow,
            RevisionId = Guid.NewGuid().ToString(),
        };
        function.Update(updated);
        await WriteJsonAsync(context, 200, FunctionJson.Configuration(updated)).ConfigureAwait(false);
    }

    private async Task UpdateCodeAsync(HttpContext context, string name)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        var function = service.Registry.Get(name);
        var updated = function.Definition with
        {
            Code = await codeResolver.ResolveAsync(body, context.RequestAborted).ConfigureAwait(false),
            LastModified = DateTimeOffset.UtcNow,
            RevisionId = Guid.NewGuid().ToString(),
        };
        function.Update(updated);
        await WriteJsonAsync(context, 200, FunctionJson.Configuration(updated)).ConfigureAwait(false);
    }

    private static FunctionDefinition ApplyConfiguration(FunctionDefinition definition, JsonObject body)
    {
        var timeout = OptionalInt(body, "Timeout") ?? definition.TimeoutSeconds;
        if (timeout is < 1 or > 900)
            throw LambdaErrors.Validation($"1 validation error detected: Value '{timeout}' at 'timeout' failed to satisfy constraint: Member must have value between 1 and 900");
        var memory = OptionalInt(body, "MemorySize") ?? definition.MemorySizeMb;
        if (memory is < 128 or > 10240)
            throw LambdaErrors.Validation($"1 validation error detected: Value '{memory}' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240");
        return definition with
        {
            Description = OptionalString(body, "Description") ?? definition.Description,
            TimeoutSeconds = timeout,
            MemorySizeMb = memory,
            Environment = Strings(body["Environment"]?["Variables"]) ?? definition.Environment,
            Architectures = body["Architectures"] is JsonArray architectures
                ? [.. architectures.Select(a => a!.GetValue<string>())]
                : definition.Architectures,
            DeadLetterTargetArn = body["DeadLetterConfig"] is JsonObject deadLetter
                ? deadLetter["TargetArn"]?.GetValue<string>() is { Length: > 0 } arn ? arn : null
                : definition.DeadLetterTargetArn,
        };
    }

    private async Task DeleteAsync(HttpContext context, string name)
    {
        await service.DeleteAsync(name).ConfigureAwait(false);
        context.Response.StatusCode = 204;
    }

    private async Task InvokeAsync(HttpContext context, string name)
    {
        var request = context.Request;
        var invocationType = request.Headers["X-Amz-Invocation-Type"].FirstOrDefault() ?? "RequestResponse";
        var function = Get(context, name);
        var limit = invocationType == "Event" ? AsyncPayloadLimit : SyncPayloadLimit;
        var payload = await ReadPayloadAsync(context, limit).ConfigureAwait(false);
        var invocation = new InvocationRequest(function.Definition.Name, payload)
        {
            TraceHeader = TraceContext.FromHeaders(request.Headers["X-Amzn-Trace-Id"].FirstOrDefault(), request.Headers["traceparent"].FirstOrDefault()),
            TailLog = request.Headers["X-Amz-Log-Type"].FirstOrDefault() == "Tail",
            ClientContext = request.Headers["X-Amz-Client-Context"].FirstOrDefault(),
        };

        switch (invocationType)
        {
            case "DryRun":
                context.Response.StatusCode = 204;
                return;
            case "Event":
                context.Response.Headers["x-amzn-RequestId"] = service.Async.Enqueue(invocation);
                context.Response.StatusCode = 202;
                return;
            case "RequestResponse":
                break;
            default:
                throw LambdaErrors.Validation($"1 validation error detected: Value '{invocationType}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }

        var result = await service.InvokeAsync(invocation, context.RequestAborted).ConfigureAwait(false);
        var headers = context.Response.Headers;
        headers["x-amzn-RequestId"] = result.RequestId;
        headers["X-Amz-Executed-Version"] = result.ExecutedVersion;
        if (result.FunctionError is { } functionError)
            headers["X-Amz-Function-Error"] = functionError;
        if (result.LogTail is { } tail)
            headers["X-Amz-Log-Result"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(tail));
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = result.Payload.Length;
        await context.Response.Body.WriteAsync(result.Payload).ConfigureAwait(false);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadPayloadAsync(HttpContext context, int limit)
    {
        if (context.Request.ContentLength > limit)
            throw LambdaErrors.RequestTooLarge(limit);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length > limit)
            throw LambdaErrors.RequestTooLarge(limit);
        if (buffer.Length == 0)
            return "{}"u8.ToArray(); // the CLI and SDKs send no body for an invoke without payload
        var payload = buffer.ToArray();
        try
        {
            using var _ = JsonDocument.Parse(payload);
        }
        catch (JsonException exception)
        {
            throw LambdaErrors.InvalidRequestContent(exception.Message);
        }
        return payload;
    }

    private Task GetPolicyAsync(HttpContext context, string name)
    {
        var function = service.Registry.Get(name);
        if (function.Policy.IsEmpty)
            throw LambdaErrors.PolicyNotFound(function.Definition.Arn);
        return WriteJsonAsync(context, 200, new JsonObject
        {
            ["Policy"] = function.Policy.ToJson(function.Definition.Arn),
            ["RevisionId"] = function.Definition.RevisionId,
        });
    }

    private async Task AddPermissionAsync(HttpContext context, string name)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        var function = service.Registry.Get(name);
        var statementId = Required(body, "StatementId");
        var statement = new JsonObject
        {
            ["Sid"] = statementId,
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = Required(body, "Principal") },
            ["Action"] = Required(body, "Action"),
            ["Resource"] = function.Definition.Arn,
        };
        var condition = new JsonObject();
        if (OptionalString(body, "SourceArn") is { } sourceArn)
            condition["ArnLike"] = new JsonObject { ["AWS:SourceArn"] = sourceArn };
        if (OptionalString(body, "SourceAccount") is { } sourceAccount)
            condition["StringEquals"] = new JsonObject { ["AWS:SourceAccount"] = sourceAccount };
        if (condition.Count > 0)
            statement["Condition"] = condition;
        if (!function.Policy.TryAdd(statementId, statement))
            throw LambdaErrors.PolicyStatementExists(statementId);
        await WriteJsonAsync(context, 201, new JsonObject { ["Statement"] = statement.ToJsonString() }).ConfigureAwait(false);
    }

    private Task RemovePermissionAsync(HttpContext context, string name, string statementId)
    {
        var function = service.Registry.Get(name);
        if (!function.Policy.Remove(statementId))
            throw LambdaErrors.StatementNotFound(statementId);
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private async Task PutEventInvokeConfigAsync(HttpContext context, string name)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        var function = service.Registry.Get(name);
        var retries = OptionalInt(body, "MaximumRetryAttempts") ?? AsyncInvokeConfig.Default.MaximumRetryAttempts;
        if (retries is < 0 or > 2)
            throw LambdaErrors.Validation($"1 validation error detected: Value '{retries}' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2");
        var maxAge = OptionalInt(body, "MaximumEventAgeInSeconds") ?? AsyncInvokeConfig.Default.MaximumEventAgeInSeconds;
        if (maxAge is < 60 or > 21600)
            throw LambdaErrors.Validation($"1 validation error detected: Value '{maxAge}' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value between 60 and 21600");
        function.AsyncConfig = new AsyncInvokeConfig(retries, maxAge, DateTimeOffset.UtcNow);
        await GetEventInvokeConfigAsync(context, name).ConfigureAwait(false);
    }

    private Task GetEventInvokeConfigAsync(HttpContext context, string name)
    {
        var function = service.Registry.Get(name);
        var config = function.AsyncConfig;
        return WriteJsonAsync(context, 200, new JsonObject
        {
            ["FunctionArn"] = function.Definition.Arn + ":$LATEST",
            ["MaximumRetryAttempts"] = config.MaximumRetryAttempts,
            ["MaximumEventAgeInSeconds"] = config.MaximumEventAgeInSeconds,
            ["LastModified"] = config.LastModified.ToUnixTimeMilliseconds() / 1000.0,
            ["DestinationConfig"] = new JsonObject { ["OnSuccess"] = new JsonObject(), ["OnFailure"] = new JsonObject() },
        });
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false)
                ?? throw LambdaErrors.Validation("The request body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw LambdaErrors.Validation($"The request body is not valid JSON: {exception.Message}");
        }
    }

    private static int? OptionalInt(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        _ => throw LambdaErrors.Validation($"1 validation error detected: Value at '{Camel(field)}' must be an integer."),
    };

    private static string? OptionalString(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw LambdaErrors.Validation($"1 validation error detected: Value at '{Camel(field)}' must be a string."),
    };

    private static string Camel(string field) => char.ToLowerInvariant(field[0]) + field[1..];

    private static string Required(JsonObject body, string field) =>
        OptionalString(body, field) is { Length: > 0 } value
            ? value
            : throw LambdaErrors.Validation($"1 validation error detected: Value null at '{Camel(field)}' failed to satisfy constraint: Member must not be null");

    private static Dictionary<string, string>? Strings(JsonNode? node) =>
        node is JsonObject values ? values.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal) : null;

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8).ConfigureAwait(false);
    }

    private static async Task WriteErrorAsync(HttpContext context, AwsServiceException error)
    {
        context.Response.Headers["x-amzn-ErrorType"] = error.ErrorCode;
        await WriteJsonAsync(context, error.StatusCode, new JsonObject { ["Type"] = "User", ["message"] = error.Message }).ConfigureAwait(false);
    }
}
