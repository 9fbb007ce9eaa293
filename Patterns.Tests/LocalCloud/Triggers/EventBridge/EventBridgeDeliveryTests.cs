using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.SQS.Model;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Triggers.EventBridge;

/// <summary>
/// Events put on a bus reach the targets of the rules they match: functions (asynchronously, with
/// the permission AWS requires), queues, topics and other buses, as the event or as the target's
/// input settings make it, with retries and dead-letter queues, in the caller's trace.
/// </summary>
public sealed partial class EventBridgeDeliveryTests(EventBridgeFixture fixture) : IClassFixture<EventBridgeFixture>
{
    private static (string TraceId, string SpanId) NewTraceparent() =>
        (Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64(1, long.MaxValue))));

    [Fact]
    public async Task Two_function_targets_of_one_rule_get_the_same_event_in_the_callers_trace()
    {
        await Task.WhenAll(fixture.CreateFunctionAsync("eb-first"), fixture.CreateFunctionAsync("eb-second"));
        var ruleArn = await fixture.PutRuleAsync("orders-to-functions", """{"source":["test.functions"],"detail-type":["OrderPlaced"]}""");
        await fixture.AllowEventBridgeAsync("eb-first", ruleArn);
        await fixture.AllowEventBridgeAsync("eb-second", ruleArn);
        await fixture.PutTargetsAsync("orders-to-functions", null,
            new { Id = "first", Arn = EventBridgeFixture.FunctionArn("eb-first") },
            new { Id = "second", Arn = EventBridgeFixture.FunctionArn("eb-second") });
        var (traceId, callerSpanId) = NewTraceparent();

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var eventId = await fixture.PutEventAsync(
            new { Source = "test.functions", DetailType = "OrderPlaced", Detail = """{"orderId":"o-1","total":42.5,"lines":[{"sku":"a"}]}""", Resources = new[] { "arn:aws:orders:us-east-1:000000000000:order/o-1" } },
            request => request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01"));

        var first = Assert.Single(await fixture.ReceivedByFunctionAsync("eb-first"));
        var second = Assert.Single(await fixture.ReceivedByFunctionAsync("eb-second"));
        Assert.Equal(first.GetProperty("event").GetRawText(), second.GetProperty("event").GetRawText());

        var delivered = first.GetProperty("event");
        Assert.Equal(["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"], delivered.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0", delivered.GetProperty("version").GetString());
        Assert.Equal(eventId, delivered.GetProperty("id").GetString());
        Assert.Equal("OrderPlaced", delivered.GetProperty("detail-type").GetString());
        Assert.Equal("test.functions", delivered.GetProperty("source").GetString());
        Assert.Equal(EventBridgeFixture.Account, delivered.GetProperty("account").GetString());
        var time = delivered.GetProperty("time").GetString()!;
        Assert.Matches(TimeFormat(), time);
        Assert.InRange(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("us-east-1", delivered.GetProperty("region").GetString());
        Assert.Equal(["arn:aws:orders:us-east-1:000000000000:order/o-1"], delivered.GetProperty("resources").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("""{"orderId":"o-1","total":42.5,"lines":[{"sku":"a"}]}""", delivered.GetProperty("detail").GetRawText());

        // One trace: caller -> PutEvents entry -> one delivery per target -> Lambda's invoke -> the function.
        Assert.StartsWith($"Root=1-{traceId[..8]}-{traceId[8..]};", first.GetProperty("traceId").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"Root=1-{traceId[..8]}-{traceId[8..]};", second.GetProperty("traceId").GetString(), StringComparison.Ordinal);
        var spans = await Poll.UntilAsync(() => Task.FromResult(fixture.Spans.InTrace(ActivityTraceId.CreateFromString(traceId))),
            s => s.Count(x => x.OperationName.StartsWith("Invoke eb-", StringComparison.Ordinal)) == 2, TimeSpan.FromSeconds(10), "both invoke spans");
        var entry = Assert.Single(spans, s => s.OperationName == "send default");
        Assert.Equal((ActivityKind.Producer, callerSpanId), (entry.Kind, entry.ParentSpanId.ToHexString()));
        Assert.Equal("aws.eventbridge", entry.GetTagItem("messaging.system"));
        Assert.Equal(eventId, entry.GetTagItem("messaging.message.id"));
        var deliveries = spans.Where(s => s.OperationName.StartsWith("deliver orders-to-functions ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((ActivityKind.Producer, entry.SpanId), (d.Kind, d.ParentSpanId)));
        foreach (var (function, received) in new[] { ("eb-first", first), ("eb-second", second) })
        {
            var invoke = Assert.Single(spans, s => s.OperationName == $"Invoke {function}");
            Assert.Contains(deliveries, d => d.SpanId == invoke.ParentSpanId);
            Assert.Contains($";Parent={invoke.SpanId.ToHexString()};", received.GetProperty("traceId").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_queue_target_gets_the_event_as_the_message_body_and_a_fifo_queue_its_message_group()
    {
        var (queueUrl, queueArn) = await fixture.CreateQueueAsync("eb-orders");
        var fifoUrl = (await fixture.Sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "eb-orders.fifo", Attributes = new() { ["FifoQueue"] = "true" } })).QueueUrl;
        await fixture.PutRuleAsync("orders-to-queues", """{"source":["test.sqs"]}""");
        await fixture.PutTargetsAsync("orders-to-queues", null,
            new { Id = "queue", Arn = queueArn },
            new { Id = "fifo", Arn = EventBridgeFixture.QueueArn("eb-orders.fifo"), SqsParameters = new { MessageGroupId = "orders" } });
        var (traceId, callerSpanId) = NewTraceparent();

        var eventId = await fixture.PutEventAsync(
            new { Source = "test.sqs", DetailType = "OrderPlaced", Detail = """{"orderId":"o-2"}""", Time = "2024-05-06T07:08:09Z" },
            request => request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01"));

        var message = Assert.Single(await fixture.ReceiveAsync(queueUrl));
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal(eventId, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("2024-05-06T07:08:09Z", body.RootElement.GetProperty("time").GetString());
        Assert.Equal("o-2", body.RootElement.GetProperty("detail").GetProperty("orderId").GetString());
        Assert.StartsWith($"Root=1-{traceId[..8]}-{traceId[8..]};", message.Attributes["AWSTraceHeader"], StringComparison.Ordinal);

        var fifo = Assert.Single(await fixture.ReceiveAsync(fifoUrl));
        Assert.Equal("orders", fifo.Attributes["MessageGroupId"]);
        Assert.Equal(eventId, JsonDocument.Parse(fifo.Body).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_entrys_TraceHeader_is_the_trace_the_event_continues()
    {
        var (queueUrl, queueArn) = await fixture.CreateQueueAsync("eb-entry-trace");
        await fixture.PutRuleAsync("orders-entry-trace", """{"source":["test.trace"]}""");
        await fixture.PutTargetsAsync("orders-entry-trace", null, new { Id = "queue", Arn = queueArn });
        var (requestTraceId, requestSpanId) = NewTraceparent();

        await fixture.PutEventAsync(
            new { Source = "test.trace", DetailType = "OrderPlaced", Detail = "{}", TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1" },
            request => request.Headers.Add("traceparent", $"00-{requestTraceId}-{requestSpanId}-01"));

        var message = Assert.Single(await fixture.ReceiveAsync(queueUrl));
        Assert.StartsWith("Root=1-5759e988-bd862e3fe1be46a994272793;", message.Attributes["AWSTraceHeader"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_machine_target_starts_an_execution_with_the_event_as_input()
    {
        var machine = await StatesAsync("CreateStateMachine", new
        {
            name = "eb-orders-machine",
            definition = """{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}""",
            roleArn = $"arn:aws:iam::{EventBridgeFixture.Account}:role/sfn",
        });
        var machineArn = machine.GetProperty("stateMachineArn").GetString()!;
        await fixture.PutRuleAsync("orders-to-machine", """{"source":["test.states"]}""");
        await fixture.PutTargetsAsync("orders-to-machine", null, new { Id = "machine", Arn = machineArn, RoleArn = $"arn:aws:iam::{EventBridgeFixture.Account}:role/eb-sfn" });

        var eventId = await fixture.PutEventAsync(new { Source = "test.states", DetailType = "OrderPlaced", Detail = """{"orderId":"o-8"}""" });

        var executions = await Poll.UntilAsync(async () => (await StatesAsync("ListExecutions", new { stateMachineArn = machineArn })).GetProperty("executions").EnumerateArray().ToList(),
            e => e.Count > 0, TimeSpan.FromSeconds(20), "an execution of the state machine");
        var execution = await StatesAsync("DescribeExecution", new { executionArn = Assert.Single(executions).GetProperty("executionArn").GetString() });
        using var input = JsonDocument.Parse(execution.GetProperty("input").GetString()!);
        Assert.Equal(eventId, input.RootElement.GetProperty("id").GetString());
        Assert.Equal("o-8", input.RootElement.GetProperty("detail").GetProperty("orderId").GetString());
    }

    private async Task<JsonElement> StatesAsync(string operation, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.Add("X-Amz-Target", $"AWSStepFunctions.{operation}");
        using var response = await fixture.Edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{operation}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_topic_target_publishes_the_event_which_the_topics_queue_subscription_receives()
    {
        var (queueUrl, queueArn) = await fixture.CreateQueueAsync("eb-topic-subscriber");
        var topicArn = (await fixture.SnsAsync(("Action", "CreateTopic"), ("Name", "eb-orders-topic"))).Descendants().Single(e => e.Name.LocalName == "TopicArn").Value;
        await fixture.SnsAsync(("Action", "Subscribe"), ("TopicArn", topicArn), ("Protocol", "sqs"), ("Endpoint", queueArn));
        await fixture.PutRuleAsync("orders-to-topic", """{"source":["test.sns"]}""");
        await fixture.PutTargetsAsync("orders-to-topic", null, new { Id = "topic", Arn = topicArn });

        var eventId = await fixture.PutEventAsync(new { Source = "test.sns", DetailType = "OrderPlaced", Detail = """{"orderId":"o-3"}""" });

        var notification = Assert.Single(await fixture.ReceiveAsync(queueUrl));
        using var envelope = JsonDocument.Parse(notification.Body);
        Assert.Equal(topicArn, envelope.RootElement.GetProperty("TopicArn").GetString());
        using var published = JsonDocument.Parse(envelope.RootElement.GetProperty("Message").GetString()!);
        Assert.Equal(eventId, published.RootElement.GetProperty("id").GetString());
        Assert.Equal("o-3", published.RootElement.GetProperty("detail").GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task A_bus_target_passes_the_event_unchanged_to_the_other_bus_whose_rule_delivers_it()
    {
        await fixture.EventsOkAsync("CreateEventBus", new { Name = "eb-second-bus" });
        var busArn = $"arn:aws:events:us-east-1:{EventBridgeFixture.Account}:event-bus/eb-second-bus";
        var (queueUrl, queueArn) = await fixture.CreateQueueAsync("eb-second-bus-queue");
        await fixture.PutRuleAsync("orders-to-second-bus", """{"source":["test.bus"]}""");
        await fixture.PutTargetsAsync("orders-to-second-bus", null, new { Id = "bus", Arn = busArn, RoleArn = $"arn:aws:iam::{EventBridgeFixture.Account}:role/eb-forward" });
        await fixture.PutRuleAsync("second-bus-to-queue", """{"source":["test.bus"]}""", bus: "eb-second-bus");
        await fixture.PutTargetsAsync("second-bus-to-queue", "eb-second-bus", new { Id = "queue", Arn = queueArn });

        var eventId = await fixture.PutEventAsync(new { Source = "test.bus", DetailType = "OrderPlaced", Detail = """{"orderId":"o-4"}""", Time = "2024-01-02T03:04:05Z" });

        var message = Assert.Single(await fixture.ReceiveAsync(queueUrl));
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal(eventId, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("2024-01-02T03:04:05Z", body.RootElement.GetProperty("time").GetString());
        Assert.Equal("o-4", body.RootElement.GetProperty("detail").GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Input_InputPath_and_InputTransformer_decide_what_the_target_receives()
    {
        var constant = await fixture.CreateQueueAsync("eb-input");
        var path = await fixture.CreateQueueAsync("eb-input-path");
        var transformed = await fixture.CreateQueueAsync("eb-input-transformer");
        var text = await fixture.CreateQueueAsync("eb-input-text");
        await fixture.PutRuleAsync("orders-with-inputs", """{"source":["test.inputs"]}""");
        var pathsMap = new Dictionary<string, string> { ["order"] = "$.detail.orderId", ["total"] = "$.detail.total" };
        await fixture.PutTargetsAsync("orders-with-inputs", null,
            new { Id = "constant", Arn = constant.Arn, Input = """{"kind":"constant"}""" },
            new { Id = "path", Arn = path.Arn, InputPath = "$.detail" },
            new { Id = "transformed", Arn = transformed.Arn, InputTransformer = new { InputPathsMap = pathsMap, InputTemplate = """{"order": <order>, "total": <total>, "summary": "order <order> of <total>", "rule": <aws.events.rule-name>}""" } },
            new { Id = "text", Arn = text.Arn, InputTransformer = new { InputPathsMap = pathsMap, InputTemplate = "Order <order> totals <total>" } });

        await fixture.PutEventAsync(new { Source = "test.inputs", DetailType = "OrderPlaced", Detail = """{"orderId":"o-5","total":12.5}""" });

        Assert.Equal("""{"kind":"constant"}""", Assert.Single(await fixture.ReceiveAsync(constant.Url)).Body);
        Assert.Equal("""{"orderId":"o-5","total":12.5}""", Assert.Single(await fixture.ReceiveAsync(path.Url)).Body);
        Assert.Equal("""{"order":"o-5","total":12.5,"summary":"order o-5 of 12.5","rule":"orders-with-inputs"}""", Assert.Single(await fixture.ReceiveAsync(transformed.Url)).Body);
        Assert.Equal("Order o-5 totals 12.5", Assert.Single(await fixture.ReceiveAsync(text.Url)).Body);
    }

    [Fact]
    public async Task A_function_that_is_missing_or_does_not_allow_EventBridge_gets_nothing_and_the_event_goes_to_the_dead_letter_queue()
    {
        var dlq = await fixture.CreateQueueAsync("eb-dead-letters");
        await fixture.CreateFunctionAsync("eb-no-permission");
        var ruleArn = await fixture.PutRuleAsync("orders-to-unreachable", """{"source":["test.dlq"]}""");
        // A permission for another rule does not let this rule invoke the function.
        await fixture.AllowEventBridgeAsync("eb-no-permission", ruleArn + "-other");
        await fixture.PutTargetsAsync("orders-to-unreachable", null,
            new { Id = "missing", Arn = EventBridgeFixture.FunctionArn("eb-missing"), DeadLetterConfig = new { Arn = dlq.Arn }, RetryPolicy = new { MaximumRetryAttempts = 2 } },
            new { Id = "forbidden", Arn = EventBridgeFixture.FunctionArn("eb-no-permission"), DeadLetterConfig = new { Arn = dlq.Arn } });

        var eventId = await fixture.PutEventAsync(new { Source = "test.dlq", DetailType = "OrderPlaced", Detail = """{"orderId":"o-6"}""" });

        var letters = await fixture.ReceiveAsync(dlq.Url, 2);
        Assert.Equal(2, letters.Count);
        var missing = Assert.Single(letters, m => m.MessageAttributes["TARGET_ARN"].StringValue == EventBridgeFixture.FunctionArn("eb-missing"));
        var forbidden = Assert.Single(letters, m => m.MessageAttributes["TARGET_ARN"].StringValue == EventBridgeFixture.FunctionArn("eb-no-permission"));
        Assert.Equal("NO_RESOURCE", missing.MessageAttributes["ERROR_CODE"].StringValue);
        Assert.Equal("NO_PERMISSIONS", forbidden.MessageAttributes["ERROR_CODE"].StringValue);
        Assert.Contains("add-permission --function-name eb-no-permission", forbidden.MessageAttributes["ERROR_MESSAGE"].StringValue, StringComparison.Ordinal);
        foreach (var letter in letters)
        {
            // Not retried: the failure would not go away by itself.
            Assert.Equal("0", letter.MessageAttributes["RETRY_ATTEMPTS"].StringValue);
            Assert.False(letter.MessageAttributes.ContainsKey("EXHAUSTED_RETRY_CONDITION"));
            Assert.Equal(ruleArn, letter.MessageAttributes["RULE_ARN"].StringValue);
            Assert.Equal(eventId, JsonDocument.Parse(letter.Body).RootElement.GetProperty("id").GetString());
        }
        Assert.Empty(await fixture.FilterLogEventsAsync("/aws/lambda/eb-no-permission"));
    }

    [Fact]
    public async Task Disabled_and_scheduled_rules_deliver_nothing_and_disabling_a_rule_takes_effect_at_once()
    {
        var toggled = await fixture.CreateQueueAsync("eb-toggled");
        var disabled = await fixture.CreateQueueAsync("eb-disabled");
        var scheduled = await fixture.CreateQueueAsync("eb-scheduled");
        await fixture.PutRuleAsync("orders-toggled", """{"source":["test.state"]}""");
        await fixture.PutTargetsAsync("orders-toggled", null, new { Id = "queue", Arn = toggled.Arn });
        await fixture.PutRuleAsync("orders-disabled", """{"source":["test.state"]}""", state: "DISABLED");
        await fixture.PutTargetsAsync("orders-disabled", null, new { Id = "queue", Arn = disabled.Arn });
        await fixture.EventsOkAsync("PutRule", new { Name = "orders-every-minute", ScheduleExpression = "rate(1 minute)" });
        await fixture.PutTargetsAsync("orders-every-minute", null, new { Id = "queue", Arn = scheduled.Arn });
        var entry = new { Source = "test.state", DetailType = "OrderPlaced", Detail = """{"orderId":"o-7"}""" };

        await fixture.PutEventAsync(entry);
        var first = Assert.Single(await fixture.ReceiveAsync(toggled.Url));
        await fixture.Sqs.DeleteMessageAsync(toggled.Url, first.ReceiptHandle);
        await fixture.EventsOkAsync("DisableRule", new { Name = "orders-toggled" });
        await fixture.PutEventAsync(entry);

        Assert.False(await fixture.HoldsMessagesAsync(toggled.Url));
        Assert.False(await fixture.HoldsMessagesAsync(disabled.Url));
        Assert.False(await fixture.HoldsMessagesAsync(scheduled.Url));
    }

    [Fact]
    public async Task A_rule_with_a_pattern_EventBridge_would_refuse_matches_nothing_and_the_log_says_why()
    {
        var queue = await fixture.CreateQueueAsync("eb-after-broken-rule");
        await fixture.PutRuleAsync("orders-broken-pattern", """{"source":[{"wildcard":"test.**"}]}""");
        await fixture.PutTargetsAsync("orders-broken-pattern", null, new { Id = "queue", Arn = queue.Arn });
        await fixture.PutRuleAsync("orders-sound-pattern", """{"source":["test.broken"]}""");
        await fixture.PutTargetsAsync("orders-sound-pattern", null, new { Id = "queue", Arn = queue.Arn });

        await fixture.PutEventAsync(new { Source = "test.broken", DetailType = "OrderPlaced", Detail = "{}" });

        Assert.Single(await fixture.ReceiveAsync(queue.Url));
        Assert.False(await fixture.HoldsMessagesAsync(queue.Url));
        Assert.Contains("rule orders-broken-pattern on event bus default matches no event: Event pattern is not valid. Reason: Consecutive wildcard characters", fixture.Log, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex TimeFormat();
}
