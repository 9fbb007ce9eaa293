using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Amazon.SQS.Model;
using Patterns.Tests.Peers;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Triggers.SqsEventSources;

/// <summary>
/// A producer's trace context reaches SQS as the AWSTraceHeader system attribute (JSON and query
/// protocols, single and batch sends), and a batch's span continues the first message's trace
/// with a link to every message's producer, the function's invocation beneath it.
/// </summary>
public sealed class SqsTraceTests(SqsTelemetryFixture fixture) : IClassFixture<SqsTelemetryFixture>
{
    private const string XRayHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    [Fact]
    public async Task SendMessage_keeps_the_callers_traceparent_or_X_Ray_header_unless_it_set_AWSTraceHeader_itself()
    {
        var queueUrl = await fixture.CreateQueueAsync("trace-json");
        var (traceId, spanId) = TraceIds.New();

        await JsonCallAsync("SendMessage", new { QueueUrl = queueUrl, MessageBody = "traceparent" }, ("traceparent", $"00-{traceId}-{spanId}-01"));
        await JsonCallAsync("SendMessage", new { QueueUrl = queueUrl, MessageBody = "x-ray" }, ("X-Amzn-Trace-Id", XRayHeader));
        await JsonCallAsync("SendMessage", new
        {
            QueueUrl = queueUrl,
            MessageBody = "own",
            MessageSystemAttributes = new { AWSTraceHeader = new { DataType = "String", StringValue = "Root=1-11111111-111111111111111111111111;Parent=1111111111111111;Sampled=1" } },
        }, ("X-Amzn-Trace-Id", XRayHeader));
        await fixture.Sqs.SendMessageAsync(queueUrl, "untraced");

        var headers = await TraceHeadersAsync(queueUrl, 4);
        Assert.Equal($"Root=1-{traceId[..8]}-{traceId[8..]};Parent={spanId};Sampled=1", headers["traceparent"]);
        Assert.Equal(XRayHeader, headers["x-ray"]);
        Assert.Equal("Root=1-11111111-111111111111111111111111;Parent=1111111111111111;Sampled=1", headers["own"]);
        Assert.Null(headers["untraced"]);
    }

    [Fact]
    public async Task SendMessageBatch_in_JSON_gives_every_entry_the_trace_header_and_answers_per_entry()
    {
        var queueUrl = await fixture.CreateQueueAsync("trace-json-batch");

        var answer = await JsonCallAsync("SendMessageBatch", new
        {
            QueueUrl = queueUrl,
            Entries = new object[]
            {
                new { Id = "a", MessageBody = "first", MessageAttributes = new { kind = new { DataType = "String", StringValue = "k" } } },
                new { Id = "b", MessageBody = "second" },
                new { Id = "late", MessageBody = "refused", DelaySeconds = 5000 },
            },
        }, ("X-Amzn-Trace-Id", XRayHeader));

        var successful = answer.GetProperty("Successful").EnumerateArray().ToDictionary(e => e.GetProperty("Id").GetString()!);
        Assert.Equal(["a", "b"], successful.Keys.Order());
        Assert.Equal(Md5("first"), successful["a"].GetProperty("MD5OfMessageBody").GetString());
        Assert.True(successful["a"].TryGetProperty("MD5OfMessageAttributes", out _));
        Assert.False(successful["b"].TryGetProperty("MD5OfMessageAttributes", out _));
        var failed = Assert.Single(answer.GetProperty("Failed").EnumerateArray());
        Assert.Equal(("late", true, "InvalidParameterValue"), (failed.GetProperty("Id").GetString(), failed.GetProperty("SenderFault").GetBoolean(), failed.GetProperty("Code").GetString()));
        var headers = await TraceHeadersAsync(queueUrl, 2);
        Assert.Equal(XRayHeader, headers["first"]);
        Assert.Equal(XRayHeader, headers["second"]);
    }

    [Fact]
    public async Task A_batch_to_a_missing_queue_gets_SQSs_own_error()
    {
        using var request = JsonRequest("SendMessageBatch", new { QueueUrl = fixture.Cloud.EdgeUrl + "000000000000/no-such-queue", Entries = new[] { new { Id = "a", MessageBody = "x" } } });
        request.Headers.Add("X-Amzn-Trace-Id", XRayHeader);

        using var response = await fixture.Edge.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("QueueDoesNotExist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_protocol_SendMessage_and_SendMessageBatch_keep_the_trace_header_too()
    {
        var queueUrl = await fixture.CreateQueueAsync("trace-query");

        var single = await QueryCallAsync(new()
        {
            ["Action"] = "SendMessage", ["Version"] = "2012-11-05", ["QueueUrl"] = queueUrl, ["MessageBody"] = "query single",
            ["MessageAttribute.1.Name"] = "kind", ["MessageAttribute.1.Value.DataType"] = "String", ["MessageAttribute.1.Value.StringValue"] = "k",
        });
        var batch = await QueryCallAsync(new()
        {
            ["Action"] = "SendMessageBatch", ["Version"] = "2012-11-05", ["QueueUrl"] = queueUrl,
            ["SendMessageBatchRequestEntry.1.Id"] = "one", ["SendMessageBatchRequestEntry.1.MessageBody"] = "query batch 1",
            ["SendMessageBatchRequestEntry.2.Id"] = "two", ["SendMessageBatchRequestEntry.2.MessageBody"] = "query batch 2",
        });

        Assert.Equal("SendMessageResponse", single.Root!.Name.LocalName);
        var entries = batch.Descendants().Where(e => e.Name.LocalName == "SendMessageBatchResultEntry").ToList();
        Assert.Equal(["one", "two"], entries.Select(e => e.Elements().Single(x => x.Name.LocalName == "Id").Value));
        Assert.Equal(Md5("query batch 1"), entries[0].Elements().Single(x => x.Name.LocalName == "MD5OfMessageBody").Value);
        var headers = await TraceHeadersAsync(queueUrl, 3);
        Assert.All(headers.Values, h => Assert.Equal(XRayHeader, h));
    }

    [Theory]
    [InlineData(AwsCliPeerTests.CliV1, "cli1")]
    [InlineData(AwsCliPeerTests.CliV2, "cli2")]
    public async Task The_AWS_CLIs_send_batches_through_the_edge_unchanged(string cli, string suffix)
    {
        var queueUrl = await fixture.CreateQueueAsync($"trace-{suffix}");

        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync(cli, ["--endpoint-url", fixture.Cloud.EdgeUrl.ToString().TrimEnd('/'), "--output", "json",
            "sqs", "send-message-batch", "--queue-url", queueUrl, "--entries", """[{"Id":"x","MessageBody":"from the cli"},{"Id":"y","MessageBody":"again"}]"""]);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(2, JsonDocument.Parse(stdout).RootElement.GetProperty("Successful").GetArrayLength());
        Assert.Equal(["again", "from the cli"], (await TraceHeadersAsync(queueUrl, 2)).Keys.Order());
    }

    [Fact]
    public async Task A_batch_span_continues_the_first_messages_trace_links_every_producer_and_parents_the_invocation()
    {
        var queueUrl = await fixture.CreateQueueAsync("trace-span");
        await fixture.CreateFunctionAsync("SpanRecorder", SqsTriggerFixture.Record);
        var (firstTrace, firstSpan) = TraceIds.New();
        var (secondTrace, secondSpan) = TraceIds.New();
        await JsonCallAsync("SendMessage", new { QueueUrl = queueUrl, MessageBody = "first" }, ("traceparent", $"00-{firstTrace}-{firstSpan}-01"));
        await JsonCallAsync("SendMessage", new { QueueUrl = queueUrl, MessageBody = "second" }, ("traceparent", $"00-{secondTrace}-{secondSpan}-01"));

        await fixture.CreateMappingAsync(new { FunctionName = "SpanRecorder", EventSourceArn = SqsTriggerFixture.QueueArn("trace-span"), BatchSize = 10, MaximumBatchingWindowInSeconds = 1 });

        var log = await Poll.UntilAsync(() => fixture.FunctionLogAsync("SpanRecorder"), l => SqsLog.Records(l).Count >= 2, TimeSpan.FromSeconds(20), "both records");
        Assert.Equal(["2"], SqsLog.Lines(log, "BATCH").Select(b => b.Split(' ')[0]));
        var batch = await Poll.UntilAsync(() => Task.FromResult(fixture.Spans.FirstOrDefault(s => s.DisplayName == "process trace-span")), s => s is not null, TimeSpan.FromSeconds(10), "the batch span");
        Assert.Equal(ActivityKind.Consumer, batch!.Kind);
        Assert.Equal((firstTrace, firstSpan), (batch.TraceId.ToHexString(), batch.ParentSpanId.ToHexString()));
        Assert.Equal([(firstTrace, firstSpan), (secondTrace, secondSpan)], batch.Links.Select(l => (l.Context.TraceId.ToHexString(), l.Context.SpanId.ToHexString())));
        Assert.Equal("aws_sqs", batch.GetTagItem("messaging.system"));
        Assert.Equal("process", batch.GetTagItem("messaging.operation.type"));
        Assert.Equal("trace-span", batch.GetTagItem("messaging.destination.name"));
        Assert.Equal(2, batch.GetTagItem("messaging.batch.message_count"));
        var invoke = await Poll.UntilAsync(() => Task.FromResult(fixture.Spans.FirstOrDefault(s => s.DisplayName == "Invoke SpanRecorder")), s => s is not null, TimeSpan.FromSeconds(10), "the invoke span");
        Assert.Equal((batch.TraceId, batch.SpanId), (invoke!.TraceId, invoke.ParentSpanId));
        Assert.Equal($"Root=1-{firstTrace[..8]}-{firstTrace[8..]};Parent={invoke.SpanId.ToHexString()};Sampled=1", SqsLog.Lines(log, "TRACE").Single());
    }


    private static string Md5(string text) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static HttpRequestMessage JsonRequest(string operation, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/x-amz-json-1.0") };
        request.Headers.Add("X-Amz-Target", $"AmazonSQS.{operation}");
        return request;
    }

    private async Task<JsonElement> JsonCallAsync(string operation, object body, (string Name, string Value) header)
    {
        using var request = JsonRequest(operation, body);
        request.Headers.Add(header.Name, header.Value);
        using var response = await fixture.Edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{operation}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A query-protocol call (form body, signed for sqs as the CLI v2.9 signs it) with an X-Ray header.</summary>
    private async Task<XDocument> QueryCallAsync(Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=test/{DateTime.UtcNow:yyyyMMdd}/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0");
        request.Headers.Add("X-Amzn-Trace-Id", XRayHeader);
        using var response = await fixture.Edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{form["Action"]}: {(int)response.StatusCode} {text}");
        return XDocument.Parse(text);
    }

    /// <summary>Each message's AWSTraceHeader (null when it has none), by body.</summary>
    private async Task<Dictionary<string, string?>> TraceHeadersAsync(string queueUrl, int count)
    {
        var messages = await Poll.UntilAsync(() => fixture.ReceiveAllAsync(queueUrl), m => m.Count > 0, TimeSpan.FromSeconds(5), "the messages");
        while (messages.Count < count)
            messages.AddRange(await fixture.ReceiveAllAsync(queueUrl));
        return messages.ToDictionary(m => m.Body, m => m.Attributes.GetValueOrDefault("AWSTraceHeader"));
    }
}
