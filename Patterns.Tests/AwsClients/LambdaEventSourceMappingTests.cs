using System.Net;
using System.Text.Json;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.Lambda;

namespace Patterns.Tests.AwsClients;

/// <summary>
/// The Lambda client's event source mapping and event invoke config calls on the wire
/// (rest-json under /2015-03-31/event-source-mappings and /2019-09-25/functions/…/event-invoke-config).
/// </summary>
public sealed class LambdaEventSourceMappingTests
{
    private const string Uuid = "a1b2c3d4-5678-90ab-cdef-11111EXAMPLE";
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:orders";

    private static readonly AwsClientOptions Options = new()
    {
        Endpoint = new Uri("http://127.0.0.1:4566"),
        Region = "us-east-1",
        Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        BaseRetryDelay = TimeSpan.FromMilliseconds(1),
    };

    private const string MappingJson = $$$"""
        {"UUID":"{{{Uuid}}}","BatchSize":10,"MaximumBatchingWindowInSeconds":5,"EventSourceArn":"{{{QueueArn}}}",
         "FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:ProcessOrders","LastModified":1741064767.123,
         "State":"Creating","StateTransitionReason":"USER_INITIATED","FunctionResponseTypes":["ReportBatchItemFailures"],
         "ScalingConfig":{"MaximumConcurrency":5}}
        """;

    [Fact]
    public async Task CreateEventSourceMapping_posts_the_mapping_and_reads_its_uuid_state_and_epoch_LastModified()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.Accepted, MappingJson);
        using var client = new LambdaClient(Options, new HttpClient(handler));

        var mapping = await client.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest("ProcessOrders")
        {
            EventSourceArn = QueueArn,
            BatchSize = 10,
            MaximumBatchingWindowInSeconds = 5,
            Enabled = true,
            FunctionResponseTypes = ["ReportBatchItemFailures"],
            ScalingConfig = new ScalingConfig(5),
            FilterCriteria = new FilterCriteria([new EventFilter("""{"body":{"type":["order"]}}""")]),
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/2015-03-31/event-source-mappings"), (request.Method, request.Uri.AbsolutePath));
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Contains("/us-east-1/lambda/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(
            $$$"""{"FunctionName":"ProcessOrders","EventSourceArn":"{{{QueueArn}}}","Enabled":true,"BatchSize":10,"MaximumBatchingWindowInSeconds":5,"FunctionResponseTypes":["ReportBatchItemFailures"],"ScalingConfig":{"MaximumConcurrency":5},"FilterCriteria":{"Filters":[{"Pattern":"{\u0022body\u0022:{\u0022type\u0022:[\u0022order\u0022]}}"}]}}""",
            request.Body);

        Assert.Equal((Uuid, "Creating", "USER_INITIATED"), (mapping.UUID, mapping.State, mapping.StateTransitionReason));
        Assert.Equal(("arn:aws:lambda:us-east-1:123456789012:function:ProcessOrders", QueueArn), (mapping.FunctionArn, mapping.EventSourceArn));
        Assert.Equal((10, 5, 5), (mapping.BatchSize, mapping.MaximumBatchingWindowInSeconds, mapping.ScalingConfig!.MaximumConcurrency));
        Assert.Equal(["ReportBatchItemFailures"], mapping.FunctionResponseTypes!);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1741064767123), mapping.LastModified);
    }

    [Fact]
    public async Task A_stream_mapping_sends_its_starting_position_and_failure_handling()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.Accepted, MappingJson);
        using var client = new LambdaClient(Options, new HttpClient(handler));

        await client.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest("arn:aws:lambda:us-east-1:123456789012:function:Stream")
        {
            EventSourceArn = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
            StartingPosition = "TRIM_HORIZON",
            BisectBatchOnFunctionError = true,
            MaximumRetryAttempts = 2,
            DestinationConfig = new DestinationConfig { OnFailure = new DestinationTarget("arn:aws:sqs:us-east-1:123456789012:clicks-dlq") },
        });

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal("TRIM_HORIZON", body.RootElement.GetProperty("StartingPosition").GetString());
        Assert.True(body.RootElement.GetProperty("BisectBatchOnFunctionError").GetBoolean());
        Assert.Equal(2, body.RootElement.GetProperty("MaximumRetryAttempts").GetInt32());
        Assert.Equal("""{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:clicks-dlq"}}""", body.RootElement.GetProperty("DestinationConfig").GetRawText());
    }

    [Fact]
    public async Task Get_update_and_delete_name_the_mapping_by_uuid_in_the_path()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, MappingJson)
            .Reply(HttpStatusCode.Accepted, MappingJson.Replace("\"Creating\"", "\"Updating\"", StringComparison.Ordinal))
            .Reply(HttpStatusCode.Accepted, MappingJson.Replace("\"Creating\"", "\"Deleting\"", StringComparison.Ordinal));
        using var client = new LambdaClient(Options, new HttpClient(handler));

        await client.GetEventSourceMappingAsync(Uuid);
        var updated = await client.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest(Uuid) { Enabled = false, BatchSize = 5 });
        var deleted = await client.DeleteEventSourceMappingAsync(Uuid);

        Assert.Equal(
            [
                ("GET", $"/2015-03-31/event-source-mappings/{Uuid}", ""),
                ("PUT", $"/2015-03-31/event-source-mappings/{Uuid}", """{"Enabled":false,"BatchSize":5}"""),
                ("DELETE", $"/2015-03-31/event-source-mappings/{Uuid}", ""),
            ],
            handler.Requests.Select(r => (r.Method, r.Uri.AbsolutePath, r.Body)));
        Assert.Equal(("Updating", "Deleting"), (updated.State, deleted.State));
    }

    [Fact]
    public async Task ListAllEventSourceMappings_filters_in_the_query_and_follows_NextMarker()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, $$$"""{"EventSourceMappings":[{{{MappingJson}}}],"NextMarker":"m2"}""")
            .Reply(HttpStatusCode.OK, """{"EventSourceMappings":[{"UUID":"second","State":"Enabled"}]}""");
        using var client = new LambdaClient(Options, new HttpClient(handler));

        var mappings = await client.ListAllEventSourceMappingsAsync(eventSourceArn: QueueArn, functionName: "ProcessOrders");

        Assert.Equal([Uuid, "second"], mappings.Select(m => m.UUID));
        Assert.All(handler.Requests, r => Assert.Equal("/2015-03-31/event-source-mappings", r.Uri.AbsolutePath));
        Assert.Equal("?EventSourceArn=arn%3Aaws%3Asqs%3Aus-east-1%3A123456789012%3Aorders&FunctionName=ProcessOrders", handler.Requests[0].Uri.Query);
        Assert.Equal("?EventSourceArn=arn%3Aaws%3Asqs%3Aus-east-1%3A123456789012%3Aorders&FunctionName=ProcessOrders&Marker=m2", handler.Requests[1].Uri.Query);
    }

    [Fact]
    public async Task A_missing_mapping_is_ResourceNotFoundException()
    {
        var handler = new RecordingHandler().Reply(
            HttpStatusCode.NotFound,
            """{"Type":"User","Message":"The resource you requested does not exist."}""",
            ("X-Amzn-ErrorType", "ResourceNotFoundException"));
        using var client = new LambdaClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetEventSourceMappingAsync("nope"));

        Assert.Equal(("GetEventSourceMapping", 404, "ResourceNotFoundException"), (error.Operation, error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task PutFunctionEventInvokeConfig_puts_under_the_2019_09_25_path_with_the_qualifier_in_the_query()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """
            {"LastModified":1741064767.0,"FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:Notify:live","MaximumRetryAttempts":1,"MaximumEventAgeInSeconds":3600,
             "DestinationConfig":{"OnSuccess":{},"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:notify-failures"}}}
            """);
        using var client = new LambdaClient(Options, new HttpClient(handler));

        var config = await client.PutFunctionEventInvokeConfigAsync(new PutFunctionEventInvokeConfigRequest("Notify")
        {
            Qualifier = "live",
            MaximumRetryAttempts = 1,
            MaximumEventAgeInSeconds = 3600,
            DestinationConfig = new DestinationConfig { OnFailure = new DestinationTarget("arn:aws:sqs:us-east-1:123456789012:notify-failures") },
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("PUT", "/2019-09-25/functions/Notify/event-invoke-config", "?Qualifier=live"), (request.Method, request.Uri.AbsolutePath, request.Uri.Query));
        Assert.Equal("""{"MaximumRetryAttempts":1,"MaximumEventAgeInSeconds":3600,"DestinationConfig":{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:notify-failures"}}}""", request.Body);
        Assert.Equal((1, 3600), (config.MaximumRetryAttempts, config.MaximumEventAgeInSeconds));
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:notify-failures", config.DestinationConfig!.OnFailure!.Destination);
        Assert.Null(config.DestinationConfig.OnSuccess!.Destination);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1741064767), config.LastModified);
    }
}
