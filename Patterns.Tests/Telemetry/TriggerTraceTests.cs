using System.Net;
using System.Text;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Dashboard.Telemetry;
using Patterns.Tests.Support;

namespace Patterns.Tests.Telemetry;

/// <summary>Patterns 3 to 6 run with their dashboard.</summary>
public sealed class TriggerTraceFixture : PatternAppFixture
{
    protected override IEnumerable<IPattern> Patterns() =>
        [new Pattern03EventDriven(), new Pattern04QueueLoadLeveling(), new Pattern05FanOut(), new Pattern06FilePipeline()];

    protected override bool WithDashboard => true;
}

/// <summary>
/// Each business flow of Patterns 3 to 6 is one trace in the dashboard: the producer's trace is
/// carried by the platform (EventBridge, SQS, SNS, S3) to every function it causes, with no
/// tracing code in the handlers.
/// </summary>
public sealed class TriggerTraceTests(TriggerTraceFixture fixture) : IClassFixture<TriggerTraceFixture>
{
    private static readonly TimeSpan TraceDeadline = TimeSpan.FromSeconds(20);

    private DashboardServer Dashboard => fixture.App.LocalApp.Dashboard ?? throw new InvalidOperationException("The app was started without its dashboard.");

    [Fact]
    public async Task Pattern_3_publish_to_both_subscribers_is_one_trace()
    {
        var traceId = await InvokeWithTraceAsync(Pattern03EventDriven.PublisherName, """{"amount": 10, "customerId": "traced"}""");

        var spans = await TraceAsync(traceId, s => new[] { "OrderNotifier", "InventoryReducer" }.All(n => HasInvocation(s, n) && HasInvoke(s, n)) && IsOneTree(s));
        var publisher = Invocation(spans, Pattern03EventDriven.PublisherName);
        var putEvents = Assert.Single(spans, s => s.Name == "EventBridge.PutEvents");
        Assert.Equal(publisher.SpanId, putEvents.ParentSpanId);
        foreach (var subscriber in new[] { "OrderNotifier", "InventoryReducer" })
            Assert.Equal("pubsub", Invocation(spans, subscriber).Attribute("faas.trigger"));
        Assert.Contains(spans, s => s.ServiceName == "EventBridge");
        AssertConnected(spans);
    }

    [Fact]
    public async Task Pattern_5_publish_to_three_subscribers_is_one_trace_and_they_run_at_once()
    {
        var traceId = await InvokeWithTraceAsync(Pattern05FanOut.PublisherName, """{"filename": "traced.jpg"}""");

        var spans = await TraceAsync(traceId, s => Pattern05FanOut.SubscriberNames.All(n => HasInvocation(s, n) && HasInvoke(s, n)) && IsOneTree(s));
        Assert.Contains(spans, s => s.Name == "SNS.Publish" && s.Kind == TelemetrySpanKind.Client);
        Assert.Contains(spans, s => s.ServiceName == "SNS");
        var invokes = Pattern05FanOut.SubscriberNames.Select(n => Assert.Single(spans, s => s.ServiceName == "Lambda" && s.Name == $"Invoke {n}")).ToList();
        // Fan-out: SNS hands the message to all three at once, so their invocations overlap in time.
        Assert.True(invokes.Max(s => s.StartUnixNano) < invokes.Min(s => s.EndUnixNano),
            $"The three invocations did not overlap: {string.Join(", ", invokes.Select(s => $"{s.Name} {s.StartUnixNano}..{s.EndUnixNano}"))}.");
        AssertConnected(spans);
    }

    [Fact]
    public async Task Pattern_6_upload_to_processor_is_one_trace()
    {
        var (traceId, clientSpanId) = TraceIds.New();
        using var http = new HttpClient { BaseAddress = fixture.App.EdgeUrl };
        using var upload = new HttpRequestMessage(HttpMethod.Put, $"{Pattern06FilePipeline.UploadsBucket}/traced-{traceId[..8]}.txt") { Content = new StringContent("traced upload", Encoding.UTF8, "text/plain") };
        upload.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");
        upload.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=test/{DateTime.UtcNow:yyyyMMdd}/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(upload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var spans = await TraceAsync(traceId, s => HasInvocation(s, Pattern06FilePipeline.ProcessorName) && HasInvoke(s, Pattern06FilePipeline.ProcessorName) && s.Any(x => x.Name == "S3.PutObject") && IsOneTree(s, clientSpanId));
        Assert.Equal("datasource", Invocation(spans, Pattern06FilePipeline.ProcessorName).Attribute("faas.trigger"));
        var write = Assert.Single(spans, s => s.Name == "S3.PutObject");
        Assert.Equal(Pattern06FilePipeline.ProcessedBucket, write.Attribute("aws.s3.bucket"));
        Assert.Equal($"processed/traced-{traceId[..8]}.txt.json", write.Attribute("aws.s3.key"));
        var read = Assert.Single(spans, s => s.Name == "S3.GetObject");
        Assert.Equal(Pattern06FilePipeline.UploadsBucket, read.Attribute("aws.s3.bucket"));
        Assert.Contains(spans, s => s.ServiceName == "S3");
        AssertConnected(spans, clientSpanId);
    }

    [Fact]
    public async Task Pattern_4_producer_to_every_batch_is_one_trace_with_a_link_to_each_message()
    {
        var traceId = await InvokeWithTraceAsync(Pattern04QueueLoadLeveling.ProducerName, """{"count": 10}""");

        var spans = await TraceAsync(traceId, s => s.Where(x => x.ServiceName == Pattern04QueueLoadLeveling.ProcessorName && x.Kind == TelemetrySpanKind.Server)
            .Sum(x => int.Parse(x.Attribute("faas.batch_size") ?? x.Attribute("messaging.batch.message_count") ?? "0", System.Globalization.CultureInfo.InvariantCulture)) >= 10
            || s.Where(x => x.ServiceName == "SQS").Sum(x => x.Links.Length) >= 10);
        var batches = spans.Where(s => s.ServiceName == "SQS" && !s.Links.IsEmpty).ToList();
        Assert.NotEmpty(batches);
        Assert.Equal(10, batches.Sum(b => b.Links.Length));
        Assert.All(batches, b => Assert.InRange(b.Links.Length, 1, Pattern04QueueLoadLeveling.BatchSize));
        Assert.All(batches.SelectMany(b => b.Links), link => Assert.Equal(traceId, link.Target.TraceId));
        Assert.True(spans.Count(s => s.ServiceName == Pattern04QueueLoadLeveling.ProcessorName && s.Kind == TelemetrySpanKind.Server) >= 2);
        var send = Assert.Single(spans, s => s.Name == "SQS.SendMessageBatch");
        Assert.Equal((TelemetrySpanKind.Client, "aws_sqs", Pattern04QueueLoadLeveling.QueueName, "send", "10"),
            (send.Kind, send.Attribute("messaging.system"), send.Attribute("messaging.destination.name"), send.Attribute("messaging.operation.type"), send.Attribute("messaging.batch.message_count")));
        Assert.Equal(fixture.App.Resources.Queue(Pattern04QueueLoadLeveling.QueueName).Url.ToString(), send.Attribute("aws.sqs.queue.url"));
    }

    private async Task<string> InvokeWithTraceAsync(string function, string payload)
    {
        var (traceId, clientSpanId) = TraceIds.New();
        using var http = new HttpClient { BaseAddress = fixture.App.EdgeUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"2015-03-31/functions/{function}/invocations") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"), await response.Content.ReadAsStringAsync());
        return traceId;
    }

    private static bool HasInvocation(IReadOnlyList<TelemetrySpan> spans, string function) =>
        spans.Any(s => s.ServiceName == function && s.Kind == TelemetrySpanKind.Server);

    // The platform's invoke span leaves on the local cloud's export schedule, after the function's own span.
    private static bool HasInvoke(IReadOnlyList<TelemetrySpan> spans, string function) =>
        spans.Any(s => s.ServiceName == "Lambda" && s.Name == $"Invoke {function}");

    private static TelemetrySpan Invocation(IReadOnlyList<TelemetrySpan> spans, string function) =>
        spans.First(s => s.ServiceName == function && s.Kind == TelemetrySpanKind.Server);

    /// <summary>Every span's parent is in the trace (or is the test's own client span): one tree, nothing dangling.</summary>
    private static void AssertConnected(IReadOnlyList<TelemetrySpan> spans, string? rootParent = null)
    {
        var dangling = Dangling(spans, rootParent);
        Assert.True(IsOneTree(spans, rootParent),
            $"The trace is not one tree: dangling [{string.Join(", ", dangling.Select(s => $"{s.ServiceName}: {s.Name}"))}], roots {Roots(spans, rootParent)}.");
    }

    // Spans reach the dashboard on their exporters' schedules (the platform's after the functions'),
    // so a trace is waited for until it is whole, and asserted whole once it is.
    private static bool IsOneTree(IReadOnlyList<TelemetrySpan> spans, string? rootParent = null)
    {
        var dangling = Dangling(spans, rootParent).Count;
        return dangling <= (rootParent is null ? 1 : 0) && Roots(spans, rootParent) + dangling == 1;
    }

    private static List<TelemetrySpan> Dangling(IReadOnlyList<TelemetrySpan> spans, string? rootParent)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        return [.. spans.Where(s => s.ParentSpanId is { Length: > 0 } parent && !ids.Contains(parent) && parent != rootParent)];
    }

    private static int Roots(IReadOnlyList<TelemetrySpan> spans, string? rootParent) =>
        spans.Count(s => s.ParentSpanId is null or "" || s.ParentSpanId == rootParent);

    private Task<IReadOnlyList<TelemetrySpan>> TraceAsync(string traceId, Func<IReadOnlyList<TelemetrySpan>, bool> complete) =>
        DashboardTrace.WaitAsync(Dashboard.Store, traceId, complete, TraceDeadline);
}
