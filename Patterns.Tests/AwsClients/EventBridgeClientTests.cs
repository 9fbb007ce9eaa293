using System.Net;
using System.Text.Json;
using Patterns.AwsClients.Core;
using Patterns.AwsClients.EventBridge;
using RetryPolicy = Patterns.AwsClients.EventBridge.RetryPolicy;

namespace Patterns.Tests.AwsClients;

/// <summary>What the EventBridge client puts on the wire (JSON 1.1, AWSEvents.*) and how it reads answers and errors.</summary>
public sealed class EventBridgeClientTests
{
    private static readonly AwsClientOptions Options = new()
    {
        Endpoint = new Uri("http://127.0.0.1:4566"),
        Region = "eu-west-1",
        Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        BaseRetryDelay = TimeSpan.FromMilliseconds(1),
    };

    [Fact]
    public async Task PutEvents_posts_json_1_1_named_by_X_Amz_Target_and_signed_for_events()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """
            {"FailedEntryCount":1,"Entries":[{"EventId":"11710aed-b79e-4468-a20b-bb3c0c3b4860"},{"ErrorCode":"InternalFailure","ErrorMessage":"try again"}]}
            """);
        using var client = new EventBridgeClient(Options, new HttpClient(handler), new FixedTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero)));

        var result = await client.PutEventsAsync(new PutEventsRequest(
        [
            new PutEventsRequestEntry("orders", "OrderPlaced", """{"orderId":"o-1"}""")
            {
                EventBusName = "orders-bus",
                Resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/Orders"],
                Time = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 500, TimeSpan.Zero),
                TraceHeader = "Root=1-67c68a2b-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1",
            },
            new PutEventsRequestEntry("orders", "OrderCancelled", "{}"),
        ]));

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Uri.AbsolutePath));
        Assert.Equal("AWSEvents.PutEvents", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250304/eu-west-1/events/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(
            """{"Entries":[{"Source":"orders","DetailType":"OrderPlaced","Detail":"{\u0022orderId\u0022:\u0022o-1\u0022}","EventBusName":"orders-bus","Resources":["arn:aws:dynamodb:eu-west-1:123456789012:table/Orders"],"Time":1741064767.5,"TraceHeader":"Root=1-67c68a2b-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1"},{"Source":"orders","DetailType":"OrderCancelled","Detail":"{}"}]}""",
            request.Body);

        Assert.Equal(1, result.FailedEntryCount);
        Assert.Equal("11710aed-b79e-4468-a20b-bb3c0c3b4860", result.Entries[0].EventId);
        Assert.Equal(("InternalFailure", "try again"), (result.Entries[1].ErrorCode, result.Entries[1].ErrorMessage));
    }

    [Fact]
    public async Task PutTargets_sends_each_target_member_under_its_AWS_name_and_reads_failed_entries()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """
            {"FailedEntryCount":1,"FailedEntries":[{"TargetId":"audit","ErrorCode":"ValidationException","ErrorMessage":"Target arn is invalid"}]}
            """);
        using var client = new EventBridgeClient(Options, new HttpClient(handler));

        var result = await client.PutTargetsAsync(new PutTargetsRequest("order-placed",
        [
            new Target("billing", "arn:aws:sqs:eu-west-1:123456789012:billing.fifo")
            {
                InputTransformer = new InputTransformer("""{"order":<id>}""") { InputPathsMap = new Dictionary<string, string> { ["id"] = "$.detail.orderId" } },
                RetryPolicy = new RetryPolicy { MaximumRetryAttempts = 4, MaximumEventAgeInSeconds = 3600 },
                DeadLetterConfig = new DeadLetterConfig("arn:aws:sqs:eu-west-1:123456789012:billing-dlq"),
                SqsParameters = new SqsParameters("orders"),
            },
            new Target("audit", "arn:aws:events:eu-west-1:123456789012:event-bus/audit") { RoleArn = "arn:aws:iam::123456789012:role/events", InputPath = "$.detail" },
        ])
        { EventBusName = "orders-bus" });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("AWSEvents.PutTargets", request.Headers["X-Amz-Target"]);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(("order-placed", "orders-bus"), (root.GetProperty("Rule").GetString(), root.GetProperty("EventBusName").GetString()));
        var billing = root.GetProperty("Targets")[0];
        Assert.Equal(
            """{"Id":"billing","Arn":"arn:aws:sqs:eu-west-1:123456789012:billing.fifo","InputTransformer":{"InputTemplate":"{\u0022order\u0022:\u003Cid\u003E}","InputPathsMap":{"id":"$.detail.orderId"}},"SqsParameters":{"MessageGroupId":"orders"},"DeadLetterConfig":{"Arn":"arn:aws:sqs:eu-west-1:123456789012:billing-dlq"},"RetryPolicy":{"MaximumRetryAttempts":4,"MaximumEventAgeInSeconds":3600}}""",
            billing.GetRawText());
        var audit = root.GetProperty("Targets")[1];
        Assert.Equal("arn:aws:iam::123456789012:role/events", audit.GetProperty("RoleArn").GetString());
        Assert.Equal("$.detail", audit.GetProperty("InputPath").GetString());
        Assert.False(audit.TryGetProperty("Input", out _), "null members are left out");

        Assert.Equal(1, result.FailedEntryCount);
        Assert.Equal(("audit", "ValidationException"), (result.FailedEntries[0].TargetId, result.FailedEntries[0].ErrorCode));
    }

    [Fact]
    public async Task PutRule_sends_the_pattern_as_a_string_and_reads_the_rule_arn()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.OK, """{"RuleArn":"arn:aws:events:eu-west-1:123456789012:rule/orders-bus/order-placed"}""");
        using var client = new EventBridgeClient(Options, new HttpClient(handler));

        var rule = await client.PutRuleAsync(new PutRuleRequest("order-placed")
        {
            EventBusName = "orders-bus",
            EventPattern = """{"source":["orders"],"detail-type":["OrderPlaced"]}""",
            State = "ENABLED",
            Description = "Orders to billing",
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("AWSEvents.PutRule", request.Headers["X-Amz-Target"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("""{"source":["orders"],"detail-type":["OrderPlaced"]}""", body.RootElement.GetProperty("EventPattern").GetString());
        Assert.Equal("ENABLED", body.RootElement.GetProperty("State").GetString());
        Assert.False(body.RootElement.TryGetProperty("ScheduleExpression", out _));
        Assert.Equal("arn:aws:events:eu-west-1:123456789012:rule/orders-bus/order-placed", rule.RuleArn);
    }

    [Fact]
    public async Task PutRule_without_a_pattern_or_schedule_fails_before_sending()
    {
        var handler = new RecordingHandler();
        using var client = new EventBridgeClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.PutRuleAsync(new PutRuleRequest("empty")));

        Assert.Contains("EventPattern", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task ListAllRules_follows_NextToken_and_ListAllTargetsByRule_reads_targets_back()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, """{"Rules":[{"Name":"a","Arn":"arn:a","State":"ENABLED","EventBusName":"orders-bus"}],"NextToken":"t2"}""")
            .Reply(HttpStatusCode.OK, """{"Rules":[{"Name":"b","Arn":"arn:b","ScheduleExpression":"rate(5 minutes)","State":"DISABLED"}]}""")
            .Reply(HttpStatusCode.OK, """{"Targets":[{"Id":"billing","Arn":"arn:q","RetryPolicy":{"MaximumRetryAttempts":4}}]}""");
        using var client = new EventBridgeClient(Options, new HttpClient(handler));

        var rules = await client.ListAllRulesAsync("orders-bus", namePrefix: "order");
        var targets = await client.ListAllTargetsByRuleAsync("a", "orders-bus");

        Assert.Equal(["a", "b"], rules.Select(r => r.Name));
        Assert.Equal("rate(5 minutes)", rules[1].ScheduleExpression);
        Assert.Equal("""{"NamePrefix":"order","EventBusName":"orders-bus"}""", handler.Requests[0].Body);
        Assert.Equal("""{"NamePrefix":"order","EventBusName":"orders-bus","NextToken":"t2"}""", handler.Requests[1].Body);
        Assert.Equal("""{"Rule":"a","EventBusName":"orders-bus"}""", handler.Requests[2].Body);
        Assert.Equal("AWSEvents.ListTargetsByRule", handler.Requests[2].Headers["X-Amz-Target"]);
        Assert.Equal(new Target("billing", "arn:q") { RetryPolicy = new RetryPolicy { MaximumRetryAttempts = 4 } }, Assert.Single(targets));
    }

    [Fact]
    public async Task Bus_and_rule_calls_name_them_in_the_body_and_read_epoch_times()
    {
        var handler = new RecordingHandler()
            .Reply(HttpStatusCode.OK, """{"EventBusArn":"arn:aws:events:eu-west-1:123456789012:event-bus/orders-bus"}""")
            .Reply(HttpStatusCode.OK, """{"Name":"orders-bus","Arn":"arn:aws:events:eu-west-1:123456789012:event-bus/orders-bus","CreationTime":1741064767.25}""")
            .Reply(HttpStatusCode.OK, "")
            .Reply(HttpStatusCode.OK, "");
        using var client = new EventBridgeClient(Options, new HttpClient(handler));

        var created = await client.CreateEventBusAsync(new CreateEventBusRequest("orders-bus") { Tags = [new Tag("app", "patterns")] });
        var described = await client.DescribeEventBusAsync("orders-bus");
        await client.DeleteRuleAsync("order-placed", "orders-bus");
        await client.DeleteEventBusAsync("orders-bus");

        Assert.Equal("arn:aws:events:eu-west-1:123456789012:event-bus/orders-bus", created.EventBusArn);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 5, 6, 7, 250, TimeSpan.Zero), described.CreationTime);
        Assert.Equal(
            [
                ("AWSEvents.CreateEventBus", """{"Name":"orders-bus","Tags":[{"Key":"app","Value":"patterns"}]}"""),
                ("AWSEvents.DescribeEventBus", """{"Name":"orders-bus"}"""),
                ("AWSEvents.DeleteRule", """{"Name":"order-placed","EventBusName":"orders-bus"}"""),
                ("AWSEvents.DeleteEventBus", """{"Name":"orders-bus"}"""),
            ],
            handler.Requests.Select(r => (r.Headers["X-Amz-Target"], r.Body)));
    }

    [Fact]
    public async Task A_missing_rule_surfaces_as_ResourceNotFoundException()
    {
        var handler = new RecordingHandler().Reply(HttpStatusCode.BadRequest, """{"__type":"ResourceNotFoundException","message":"Rule nope does not exist on EventBus default."}""");
        using var client = new EventBridgeClient(Options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeRuleAsync("nope"));

        Assert.Equal(("events", "DescribeRule", 400, "ResourceNotFoundException"), (error.Service, error.Operation, error.StatusCode, error.ErrorCode));
        Assert.Equal("Rule nope does not exist on EventBus default.", error.ServiceMessage);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void The_endpoint_comes_from_AWS_ENDPOINT_URL_EVENTBRIDGE_before_AWS_ENDPOINT_URL()
    {
        var variables = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1", ["AWS_ENDPOINT_URL_EVENTBRIDGE"] = "http://127.0.0.1:2" };
        using var client = new EventBridgeClient(new AwsClientOptions { Environment = variables.GetValueOrDefault });
        using var publicClient = new EventBridgeClient(new AwsClientOptions { Environment = _ => null, Region = "eu-north-1" });

        Assert.Equal(new Uri("http://127.0.0.1:2/"), client.Endpoint);
        Assert.Equal(new Uri("https://events.eu-north-1.amazonaws.com/"), publicClient.Endpoint);
    }
}
