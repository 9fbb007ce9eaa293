using System.Text.Json;
using Patterns.Tests.Peers;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Triggers.SqsEventSources;

/// <summary>
/// The Lambda API's event source mapping operations for SQS: shapes and status codes, AWS's
/// validation errors, and the AWS CLIs (v1 and Debian's v2) unchanged.
/// </summary>
public sealed class SqsMappingApiTests(SqsTriggerFixture fixture) : IClassFixture<SqsTriggerFixture>
{
    private const string Mappings = "2015-03-31/event-source-mappings";

    [Fact]
    public async Task Create_answers_202_with_the_configuration_and_get_list_update_delete_follow_it()
    {
        await fixture.CreateQueueAsync("api-life");
        await fixture.CreateFunctionAsync("ApiLife", SqsTriggerFixture.Record);

        var (status, _, created) = await fixture.LambdaAsync(HttpMethod.Post, Mappings + "/", new { FunctionName = "ApiLife", EventSourceArn = SqsTriggerFixture.QueueArn("api-life"), BatchSize = 5 });

        Assert.Equal(202, status);
        var uuid = created.GetProperty("UUID").GetString()!;
        Assert.True(Guid.TryParse(uuid, out _), uuid);
        Assert.Equal(5, created.GetProperty("BatchSize").GetInt32());
        Assert.Equal(0, created.GetProperty("MaximumBatchingWindowInSeconds").GetInt32());
        Assert.Equal(SqsTriggerFixture.QueueArn("api-life"), created.GetProperty("EventSourceArn").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:ApiLife", created.GetProperty("FunctionArn").GetString());
        Assert.InRange(created.GetProperty("LastModified").GetDouble(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.Equal("Creating", created.GetProperty("State").GetString());
        Assert.Equal("USER_INITIATED", created.GetProperty("StateTransitionReason").GetString());
        Assert.Equal("[]", created.GetProperty("FunctionResponseTypes").GetRawText());
        Assert.Equal($"arn:aws:lambda:us-east-1:000000000000:event-source-mapping:{uuid}", created.GetProperty("EventSourceMappingArn").GetString());

        var got = await fixture.LambdaAsync(HttpMethod.Get, $"{Mappings}/{uuid}");
        Assert.Equal((200, "Enabled"), (got.Status, got.Body.GetProperty("State").GetString()));

        Assert.Equal([uuid], await ListUuidsAsync($"?EventSourceArn={Uri.EscapeDataString(SqsTriggerFixture.QueueArn("api-life"))}"));
        Assert.Equal([uuid], await ListUuidsAsync("?FunctionName=ApiLife"));
        Assert.Equal([uuid], await ListUuidsAsync($"?FunctionName={Uri.EscapeDataString("arn:aws:lambda:us-east-1:000000000000:function:ApiLife")}"));
        Assert.Empty(await ListUuidsAsync("?FunctionName=SomeoneElse"));

        var (updateStatus, _, updated) = await fixture.LambdaAsync(HttpMethod.Put, $"{Mappings}/{uuid}", new
        {
            BatchSize = 3,
            FunctionResponseTypes = new[] { "ReportBatchItemFailures" },
            ScalingConfig = new { MaximumConcurrency = 5 },
            FilterCriteria = new { Filters = new[] { new { Pattern = """{"body":{"kind":["order"]}}""" } } },
        });
        Assert.Equal((202, "Updating"), (updateStatus, updated.GetProperty("State").GetString()));
        Assert.Equal(3, updated.GetProperty("BatchSize").GetInt32());
        Assert.Equal("""["ReportBatchItemFailures"]""", updated.GetProperty("FunctionResponseTypes").GetRawText());
        Assert.Equal("""{"MaximumConcurrency":5}""", updated.GetProperty("ScalingConfig").GetRawText());
        Assert.Equal("""{"body":{"kind":["order"]}}""", updated.GetProperty("FilterCriteria").GetProperty("Filters")[0].GetProperty("Pattern").GetString());
        var afterUpdate = (await fixture.LambdaAsync(HttpMethod.Get, $"{Mappings}/{uuid}")).Body;
        Assert.Equal((3, "Enabled"), (afterUpdate.GetProperty("BatchSize").GetInt32(), afterUpdate.GetProperty("State").GetString()));
        var cleared = (await fixture.LambdaAsync(HttpMethod.Put, $"{Mappings}/{uuid}", new { ScalingConfig = new { }, FilterCriteria = new { } })).Body;
        Assert.False(cleared.TryGetProperty("ScalingConfig", out _));
        Assert.False(cleared.TryGetProperty("FilterCriteria", out _));

        var (deleteStatus, _, deleted) = await fixture.LambdaAsync(HttpMethod.Delete, $"{Mappings}/{uuid}");
        Assert.Equal((202, "Deleting"), (deleteStatus, deleted.GetProperty("State").GetString()));
        var gone = await Poll.UntilAsync(() => fixture.LambdaAsync(HttpMethod.Get, $"{Mappings}/{uuid}"), r => r.Status == 404, TimeSpan.FromSeconds(10), "the mapping to be gone");
        Assert.Equal(("ResourceNotFoundException", "The resource you requested does not exist."), (gone.ErrorType, gone.Body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_mapping_created_disabled_is_Disabled_and_BatchSize_defaults_to_10()
    {
        await fixture.CreateQueueAsync("api-disabled");
        await fixture.CreateFunctionAsync("ApiDisabled", SqsTriggerFixture.Record);

        var created = await fixture.CreateMappingAsync(new { FunctionName = "ApiDisabled", EventSourceArn = SqsTriggerFixture.QueueArn("api-disabled"), Enabled = false });

        Assert.Equal(10, created.GetProperty("BatchSize").GetInt32());
        var got = (await fixture.LambdaAsync(HttpMethod.Get, $"{Mappings}/{created.GetProperty("UUID").GetString()}")).Body;
        Assert.Equal("Disabled", got.GetProperty("State").GetString());
    }

    [Fact]
    public async Task List_pages_with_MaxItems_and_Marker()
    {
        await fixture.CreateFunctionAsync("ApiPaged", SqsTriggerFixture.Record);
        List<string> created = [];
        foreach (var name in new[] { "api-page-1", "api-page-2", "api-page-3" })
        {
            await fixture.CreateQueueAsync(name);
            created.Add((await fixture.CreateMappingAsync(new { FunctionName = "ApiPaged", EventSourceArn = SqsTriggerFixture.QueueArn(name), Enabled = false })).GetProperty("UUID").GetString()!);
        }

        var first = (await fixture.LambdaAsync(HttpMethod.Get, $"{Mappings}/?FunctionName=ApiPaged&MaxItems=2")).Body;
        var marker = first.GetProperty("NextMarker").GetString()!;
        var second = (await fixture.LambdaAsync(HttpMethod.Get, $"{Mappings}/?FunctionName=ApiPaged&MaxItems=2&Marker={marker}")).Body;

        Assert.Equal(2, first.GetProperty("EventSourceMappings").GetArrayLength());
        Assert.False(second.TryGetProperty("NextMarker", out _));
        Assert.Equal(created, first.GetProperty("EventSourceMappings").EnumerateArray().Concat(second.GetProperty("EventSourceMappings").EnumerateArray()).Select(m => m.GetProperty("UUID").GetString()!));
    }

    [Fact]
    public async Task Validation_errors_are_AWSs()
    {
        await fixture.CreateQueueAsync("api-invalid", visibilityTimeoutSeconds: 5);
        await fixture.CreateQueueAsync("api-invalid.fifo", fifo: true);
        await fixture.CreateFunctionAsync("ApiInvalid", SqsTriggerFixture.Record, timeoutSeconds: 3);
        await fixture.CreateFunctionAsync("ApiSlow", SqsTriggerFixture.Record, timeoutSeconds: 10);
        var queue = SqsTriggerFixture.QueueArn("api-invalid");
        var fifo = SqsTriggerFixture.QueueArn("api-invalid.fifo");

        await ExpectAsync(new { FunctionName = "Nope", EventSourceArn = queue }, 404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:000000000000:function:Nope");
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = SqsTriggerFixture.QueueArn("no-such-queue") }, 400, "InvalidParameterValueException",
            "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist or you do not have access to it.");
        await ExpectAsync(new { FunctionName = "ApiSlow", EventSourceArn = queue }, 400, "InvalidParameterValueException", "Queue visibility timeout: 5 seconds is less than Function timeout: 10 seconds");
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue, BatchSize = 20 }, 400, "InvalidParameterValueException",
            "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue, BatchSize = 0 }, 400, "ValidationException",
            "1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1");
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue, BatchSize = 10001, MaximumBatchingWindowInSeconds = 1 }, 400, "ValidationException",
            "1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000");
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue, MaximumBatchingWindowInSeconds = 301 }, 400, "ValidationException",
            "1 validation error detected: Value '301' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300");
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue, ScalingConfig = new { MaximumConcurrency = 1 } }, 400, "ValidationException",
            "1 validation error detected: Value '1' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 2");
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue, FunctionResponseTypes = new[] { "Everything" } }, 400, "ValidationException",
            "1 validation error detected: Value '[Everything]' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]");
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue, StartingPosition = "LATEST" }, 400, "InvalidParameterValueException", "StartingPosition is not valid for SQS event sources.");
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = fifo, BatchSize = 11, MaximumBatchingWindowInSeconds = 1 }, 400, "InvalidParameterValueException", "Maximum batch size must be between 1 and 10 inclusive");
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = fifo, MaximumBatchingWindowInSeconds = 1 }, 400, "InvalidParameterValueException", "Batching window is not supported for FIFO queues");
        var badPattern = await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue, FilterCriteria = new { Filters = new[] { new { Pattern = """{"body":{"kind":"order"}}""" } } } },
            400, "InvalidParameterValueException", null);
        Assert.StartsWith("Invalid filter pattern definition.", badPattern, StringComparison.Ordinal);
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue, FilterCriteria = new { Filters = Enumerable.Repeat(new { Pattern = """{"body":["x"]}""" }, 6) } },
            400, "InvalidParameterValueException", "FilterCriteria has 6 filters; an event source mapping takes at most 5 (Lambda's default quota).");
        var kinesis = await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = "arn:aws:kinesis:us-east-1:000000000000:stream/s" }, 400, "InvalidParameterValueException", null);
        Assert.Contains("SQS queues only", kinesis, StringComparison.Ordinal);
        await ExpectAsync(new { EventSourceArn = queue }, 400, "ValidationException", "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null");

        // What AWS accepts: a window with a big batch, an empty FilterCriteria.
        var accepted = await fixture.CreateMappingAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue, BatchSize = 100, MaximumBatchingWindowInSeconds = 1, FilterCriteria = new { Filters = Array.Empty<object>() } });
        var uuid = accepted.GetProperty("UUID").GetString()!;
        Assert.False(accepted.TryGetProperty("FilterCriteria", out _));
        await ExpectAsync(new { FunctionName = "ApiInvalid", EventSourceArn = queue }, 409, "ResourceConflictException",
            $"An event source mapping with SQS arn (\" {queue} \") and function (\" ApiInvalid \") already exists. Please update or delete the existing mapping with UUID {uuid}");
        var (status, errorType, body) = await fixture.LambdaAsync(HttpMethod.Put, $"{Mappings}/{uuid}", new { FunctionName = "ApiSlow" });
        Assert.Equal((400, "InvalidParameterValueException", "Queue visibility timeout: 5 seconds is less than Function timeout: 10 seconds"), (status, errorType, body.GetProperty("message").GetString()));
        var missing = await fixture.LambdaAsync(HttpMethod.Get, $"{Mappings}/{Guid.NewGuid()}");
        Assert.Equal((404, "ResourceNotFoundException"), (missing.Status, missing.ErrorType));
    }

    [Theory]
    [InlineData(AwsCliPeerTests.CliV1, "cli1")]
    [InlineData(AwsCliPeerTests.CliV2, "cli2")]
    public async Task The_AWS_CLI_creates_lists_gets_updates_and_deletes_a_mapping(string cli, string suffix)
    {
        await fixture.CreateQueueAsync($"api-{suffix}");
        await fixture.CreateFunctionAsync($"Api-{suffix}", SqsTriggerFixture.Record);
        var queue = SqsTriggerFixture.QueueArn($"api-{suffix}");

        var created = await CliAsync(cli, "lambda", "create-event-source-mapping", "--function-name", $"Api-{suffix}", "--event-source-arn", queue, "--batch-size", "5",
            "--function-response-types", "ReportBatchItemFailures");
        var uuid = created.GetProperty("UUID").GetString()!;
        Assert.Equal(("Creating", 5), (created.GetProperty("State").GetString(), created.GetProperty("BatchSize").GetInt32()));

        var listed = await CliAsync(cli, "lambda", "list-event-source-mappings", "--function-name", $"Api-{suffix}");
        Assert.Equal(uuid, listed.GetProperty("EventSourceMappings").EnumerateArray().Single().GetProperty("UUID").GetString());
        var got = await CliAsync(cli, "lambda", "get-event-source-mapping", "--uuid", uuid);
        Assert.Equal((queue, "Enabled"), (got.GetProperty("EventSourceArn").GetString(), got.GetProperty("State").GetString()));

        var updated = await CliAsync(cli, "lambda", "update-event-source-mapping", "--uuid", uuid, "--batch-size", "2", "--no-enabled");
        Assert.Equal(2, updated.GetProperty("BatchSize").GetInt32());
        await Poll.UntilAsync(async () => (await fixture.LambdaAsync(HttpMethod.Get, $"{Mappings}/{uuid}")).Body.GetProperty("State").GetString(),
            s => s == "Disabled", TimeSpan.FromSeconds(15), "the mapping to be Disabled");

        var deleted = await CliAsync(cli, "lambda", "delete-event-source-mapping", "--uuid", uuid);
        Assert.Equal("Deleting", deleted.GetProperty("State").GetString());
    }

    private async Task<List<string>> ListUuidsAsync(string query)
    {
        var (status, _, body) = await fixture.LambdaAsync(HttpMethod.Get, Mappings + "/" + query);
        Assert.Equal(200, status);
        return [.. body.GetProperty("EventSourceMappings").EnumerateArray().Select(m => m.GetProperty("UUID").GetString()!)];
    }

    /// <returns>The error message.</returns>
    private async Task<string> ExpectAsync(object request, int status, string errorType, string? message)
    {
        var answer = await fixture.LambdaAsync(HttpMethod.Post, Mappings + "/", request);
        var text = answer.Body.ValueKind == JsonValueKind.Object && answer.Body.TryGetProperty("message", out var m) ? m.GetString()! : answer.Body.ToString();
        Assert.True((status, errorType) == (answer.Status, answer.ErrorType), $"Expected {status} {errorType} for {JsonSerializer.Serialize(request)}; got {answer.Status} {answer.ErrorType}: {text}");
        if (message is not null)
            Assert.Equal(message, text);
        return text;
    }

    private async Task<JsonElement> CliAsync(string cli, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync(cli, ["--endpoint-url", fixture.Cloud.EdgeUrl.ToString().TrimEnd('/'), "--output", "json", .. arguments]);
        Assert.True(exitCode == 0, $"{cli} {string.Join(' ', arguments)} exited {exitCode}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
