using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Dashboard.Telemetry;
using Patterns.LocalCloud;
using Patterns.Tests.Dashboard;
using Patterns.Tests.Support;

namespace Patterns.Tests.LocalCloud.Triggers.Sns;

/// <summary>
/// The local cloud's SNS and S3 spans, received by a dashboard: a publish and an upload each
/// stay one trace from the caller's span through the delivery span to the Lambda invoke.
/// </summary>
public sealed class TriggerTraceTests : IAsyncLifetime
{
    private static readonly TimeSpan TraceDeadline = TimeSpan.FromSeconds(20);

    private DashboardServer _dashboard = null!;
    private LocalCloudHost _cloud = null!;
    private HttpClient _edge = null!;

    public async Task InitializeAsync()
    {
        _dashboard = await DashboardServer.StartAsync(new DashboardOptions { Port = 0 }, new FakeModelSource(DashboardModel.Empty));
        _cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = 0, OtlpEndpoint = _dashboard.OtlpEndpoint, Log = null });
        _edge = new HttpClient { BaseAddress = _cloud.EdgeUrl };
    }

    public async Task DisposeAsync()
    {
        _edge.Dispose();
        await _cloud.DisposeAsync();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public async Task A_publish_is_one_trace_from_the_publisher_through_the_delivery_to_the_invoke()
    {
        await CreatePrinterAsync("TracedSubscriber");
        var sns = new SnsApi(_edge);
        var topicArn = await sns.CreateTopicAsync("traced-topic");
        await TriggerTestKit.AllowAsync(_edge, "TracedSubscriber", "sns.amazonaws.com", topicArn);
        await sns.SubscribeAsync(topicArn, "lambda", $"arn:aws:lambda:us-east-1:{TriggerTestKit.Account}:function:TracedSubscriber");
        var (traceId, clientSpanId) = TraceIds.New();

        using var request = Signed(HttpMethod.Post, "/", "sns", new FormUrlEncodedContent(
            [new("Action", "Publish"), new("Version", "2010-03-31"), new("TopicArn", topicArn), new("Message", "traced")]));
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");
        using var response = await _edge.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode);

        // Each service's spans reach the dashboard in batches of their own: wait for all three.
        var spans = await TraceAsync(traceId, s => new[] { "publish traced-topic", "deliver traced-topic", "Invoke TracedSubscriber" }.All(name => s.Any(x => x.Name == name)));
        var publish = Assert.Single(spans, s => s.Name == "publish traced-topic");
        var deliver = Assert.Single(spans, s => s.Name == "deliver traced-topic");
        var invoke = Assert.Single(spans, s => s.Name == "Invoke TracedSubscriber");
        Assert.Equal(("SNS", TelemetrySpanKind.Server, clientSpanId), (publish.ServiceName, publish.Kind, publish.ParentSpanId));
        Assert.Equal("aws_sns", publish.Attribute("messaging.system"));
        Assert.Equal("traced-topic", publish.Attribute("messaging.destination.name"));
        Assert.Equal(("SNS", TelemetrySpanKind.Producer, publish.SpanId), (deliver.ServiceName, deliver.Kind, deliver.ParentSpanId));
        Assert.Equal("lambda", deliver.Attribute("aws.sns.protocol"));
        Assert.Equal(("Lambda", deliver.SpanId), (invoke.ServiceName, invoke.ParentSpanId));
    }

    [Fact]
    public async Task An_upload_is_one_trace_from_the_uploader_through_the_notification_to_the_invoke()
    {
        await CreatePrinterAsync("TracedProcessor");
        using (var bucket = Signed(HttpMethod.Put, "/traced-bucket", "s3", null))
            Assert.True((await _edge.SendAsync(bucket)).IsSuccessStatusCode);
        await TriggerTestKit.AllowAsync(_edge, "TracedProcessor", "s3.amazonaws.com", "arn:aws:s3:::traced-bucket");
        using (var configuration = Signed(HttpMethod.Put, "/traced-bucket?notification", "s3", new StringContent($"""
            <NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><CloudFunctionConfiguration><Id>process</Id>
            <CloudFunction>arn:aws:lambda:us-east-1:{TriggerTestKit.Account}:function:TracedProcessor</CloudFunction><Event>s3:ObjectCreated:*</Event>
            </CloudFunctionConfiguration></NotificationConfiguration>
            """)))
            Assert.True((await _edge.SendAsync(configuration)).IsSuccessStatusCode);
        var (traceId, clientSpanId) = TraceIds.New();

        using var upload = Signed(HttpMethod.Put, "/traced-bucket/in/photo.jpg", "s3", new StringContent("pixels"));
        upload.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");
        Assert.True((await _edge.SendAsync(upload)).IsSuccessStatusCode);

        var spans = await TraceAsync(traceId, s => new[] { "notify TracedProcessor", "Invoke TracedProcessor" }.All(name => s.Any(x => x.Name == name)));
        var notify = Assert.Single(spans, s => s.Name == "notify TracedProcessor");
        var invoke = Assert.Single(spans, s => s.Name == "Invoke TracedProcessor");
        Assert.Equal(("S3", TelemetrySpanKind.Producer, clientSpanId), (notify.ServiceName, notify.Kind, notify.ParentSpanId));
        Assert.Equal("in/photo.jpg", notify.Attribute("aws.s3.key"));
        Assert.Equal(("Lambda", notify.SpanId), (invoke.ServiceName, invoke.ParentSpanId));
    }

    private async Task CreatePrinterAsync(string name)
    {
        using var response = await _edge.PostAsJsonAsync("2015-03-31/functions", new Dictionary<string, object>
        {
            ["FunctionName"] = name,
            ["Runtime"] = "provided.al2023",
            ["Handler"] = TriggerTestKit.PrinterHandler,
            ["Role"] = "arn:aws:iam::000000000000:role/lambda-role",
            ["Code"] = new Dictionary<string, string> { ["S3Bucket"] = "hot-reload", ["S3Key"] = FunctionsBuild.Directory },
        }, new JsonSerializerOptions());
        Assert.Equal(201, (int)response.StatusCode);
    }

    private static HttpRequestMessage Signed(HttpMethod method, string path, string service, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        return request;
    }


    private Task<IReadOnlyList<TelemetrySpan>> TraceAsync(string traceId, Func<IReadOnlyList<TelemetrySpan>, bool> complete) =>
        DashboardTrace.WaitAsync(_dashboard.Store, traceId, complete, TraceDeadline);
}
