using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Dashboard.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Patterns.Tests.Support;

namespace Patterns.Tests.Dashboard;

/// <summary>
/// The OTLP/HTTP receiver against the OpenTelemetry SDK's own OTLP exporter (protobuf), against
/// OTLP/JSON and gzip as the spec writes them, and against bodies that are broken or too large.
/// </summary>
public sealed class OtlpReceiverTests : IAsyncLifetime
{
    private const int BodyLimit = 64 * 1024;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http = new();
    private DashboardServer _dashboard = null!;

    private TelemetryStore Store => _dashboard.Store;

    public async Task InitializeAsync() =>
        _dashboard = await DashboardServer.StartAsync(new DashboardOptions { Port = 0, MaxRequestBodyBytes = BodyLimit }, new FakeModelSource(DashboardModel.Empty));

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public async Task Spans_from_the_OTLP_exporter_keep_their_resource_attributes_and_parent_chain()
    {
        var trace = OrderTrace.Send(_dashboard.Url);

        var spans = await Poll.UntilAsync(() => Task.FromResult(Store.GetTrace(trace.TraceId)), s => s.Count == 4, Deadline, "the trace's four spans");

        var byId = spans.ToDictionary(s => s.SpanId);
        var gateway = byId[trace.GatewaySpanId];
        var invoke = byId[trace.InvokeSpanId];
        var function = byId[trace.FunctionSpanId];
        var dynamo = byId[trace.DynamoDbSpanId];
        Assert.Null(gateway.ParentSpanId);
        Assert.Equal(trace.GatewaySpanId, invoke.ParentSpanId);
        Assert.Equal(trace.InvokeSpanId, function.ParentSpanId);
        Assert.Equal(trace.FunctionSpanId, dynamo.ParentSpanId);

        Assert.Equal((OrderTrace.Gateway, TelemetrySpanKind.Server, "POST /products"), (gateway.ServiceName, gateway.Kind, gateway.Name));
        Assert.Equal((OrderTrace.Lambda, TelemetrySpanKind.Internal), (invoke.ServiceName, invoke.Kind));
        Assert.Equal((OrderTrace.Function, TelemetrySpanKind.Server), (function.ServiceName, function.Kind));
        Assert.Equal((OrderTrace.Function, TelemetrySpanKind.Client, "DynamoDB.PutItem"), (dynamo.ServiceName, dynamo.Kind, dynamo.Name));

        Assert.Equal("201", gateway.Attribute("http.response.status_code"));
        Assert.Equal("true", function.Attribute("faas.coldstart"));
        Assert.Equal("[Products]", dynamo.Attribute("aws.dynamodb.table_names"));
        Assert.Equal("HelloServerless", function.Resource.Attribute("faas.name"));
        Assert.Equal("test-instance", function.Resource.Attribute("service.instance.id"));
        Assert.Equal("aws", function.Resource.Attribute("cloud.provider"));
        Assert.True(dynamo.StartUnixNano >= function.StartUnixNano && dynamo.EndUnixNano <= function.EndUnixNano, "the client span lies inside the invocation");

        var invocation = Assert.Single(Store.GetInvocations());
        Assert.Equal((OrderTrace.Function, 1L, 0L, 1L), (invocation.Function, invocation.Count, invocation.Errors, invocation.ColdStarts));
    }

    [Fact]
    public async Task Links_from_the_OTLP_exporter_become_back_links_on_the_linked_span()
    {
        var producer = OrderTrace.Send(_dashboard.Url);
        var producerContext = new ActivityContext(ActivityTraceId.CreateFromString(producer.TraceId), ActivitySpanId.CreateFromString(producer.DynamoDbSpanId), ActivityTraceFlags.Recorded);
        var consumer = OrderTrace.Send(_dashboard.Url, linkTo: producerContext);

        var target = new SpanKey(producer.TraceId, producer.DynamoDbSpanId);
        var sources = await Poll.UntilAsync(() => Task.FromResult(Store.GetLinkedFrom(target)), s => s.Count == 1, Deadline, "the back-link");
        Assert.Equal(new SpanKey(consumer.TraceId, consumer.FunctionSpanId), sources[0]);
        var link = Assert.Single(Store.GetSpan(sources[0])!.Links);
        Assert.Equal(target, link.Target);
        Assert.Equal("m-1", Assert.Single(link.Attributes).Value);
    }

    [Fact]
    public async Task Log_records_from_the_OTLP_exporter_keep_their_level_attributes_and_trace_context()
    {
        using var source = new ActivitySource("Patterns.Tests.Dashboard.Logs." + Guid.NewGuid().ToString("N"));
        using var tracing = OtlpExporters.Tracing(_dashboard.Url, "LogWriter", source.Name);
        using var loggerFactory = OtlpExporters.Logging(_dashboard.Url, "LogWriter");
        var logger = loggerFactory.CreateLogger("Orders");
        string traceId, spanId;
        using (var activity = source.StartActivity("handle", ActivityKind.Server)!)
        {
            traceId = activity.TraceId.ToHexString();
            spanId = activity.SpanId.ToHexString();
            logger.LogWarning("Order {OrderId} has no items", "o-17");
        }
        logger.LogInformation("Outside any span");

        var logs = await Poll.UntilAsync(() => Task.FromResult(Store.GetLogs()), l => l.Count == 2, Deadline, "two log records");

        var warning = logs.Single(l => l.TraceId is not null);
        Assert.Equal(("LogWriter", "Warning", "Order o-17 has no items"), (warning.ServiceName, warning.Level.Name, warning.Body));
        Assert.Equal((traceId, spanId), (warning.TraceId, warning.SpanId));
        Assert.Contains(warning.Attributes, a => a.Key == "OrderId" && a.Value == "o-17");
        Assert.Equal("Orders", warning.ScopeName);
        var outside = logs.Single(l => l.TraceId is null);
        Assert.Equal(("Information", (string?)null), (outside.Level.Name, outside.SpanId));
    }

    [Fact]
    public async Task Metrics_from_the_OTLP_exporter_arrive_with_their_resource()
    {
        var meterName = "Patterns.Tests.Dashboard.Metrics." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        using (var metrics = OtlpExporters.Metrics(_dashboard.Url, "Meterer", meterName))
        {
            meter.CreateCounter<long>("orders.placed").Add(3, new KeyValuePair<string, object?>("pattern", "01"));
            Assert.True(metrics.ForceFlush(10_000));
        }

        // The flush and the provider's disposal each export the cumulative sum.
        var point = Store.GetMetrics().Where(p => p.Name == "orders.placed").MaxBy(p => p.TimeUnixNano);
        Assert.NotNull(point);
        Assert.Equal(("Meterer", "sum", "3"), (point.Resource.ServiceName, point.Type, point.Value));
        Assert.Equal("01", Assert.Single(point.Attributes).Value);
    }

    [Fact]
    public async Task OTLP_JSON_with_hex_ids_and_numeric_enums_is_accepted()
    {
        const string json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json-service"}}]},
              "scopeSpans":[{"scope":{"name":"manual"},"spans":[
                {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","parentSpanId":"eee19b7ec3c1b173",
                 "name":"GET /orders","kind":2,"startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000",
                 "attributes":[{"key":"http.response.status_code","value":{"intValue":"200"}},{"key":"retry","value":{"boolValue":true}}],
                 "status":{"code":2,"message":"boom"},"someFutureField":{"ignored":true}}]}]}]}
            """;

        using var response = await PostAsync("v1/traces", Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var span = Assert.Single(Store.GetTrace("5b8efff798038103d269b633813fc60c"));
        Assert.Equal(("eee19b7ec3c1b174", "eee19b7ec3c1b173"), (span.SpanId, span.ParentSpanId));
        Assert.Equal(("json-service", TelemetrySpanKind.Server, TelemetryStatus.Error, "boom"), (span.ServiceName, span.Kind, span.Status, span.StatusMessage));
        Assert.Equal(TimeSpan.FromSeconds(1), span.Duration);
        Assert.Equal(("200", "true"), (span.Attribute("http.response.status_code"), span.Attribute("retry")));
    }

    [Fact]
    public async Task A_gzipped_body_is_accepted()
    {
        var json = """{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1","severityNumber":17,"body":{"stringValue":"zipped"}}]}]}]}""";
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(json));

        using var response = await PostAsync("v1/logs", compressed.ToArray(), "application/json", "gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(Store.GetLogs());
        Assert.Equal(("zipped", "Error", TelemetryResource.UnknownService), (record.Body, record.Level.Name, record.ServiceName));
    }

    [Theory]
    [InlineData("v1/traces", "application/x-protobuf", new byte[] { 0x0A, 0x10, 0x01, 0x02 })] // a field longer than the body
    [InlineData("v1/logs", "application/x-protobuf", new byte[] { 0x0F, 0x00 })] // wire type 7 does not exist
    [InlineData("v1/metrics", "application/x-protobuf", new byte[] { 0x0A, 0x02, 0xFF, 0xFF })] // a nested message that is not one
    [InlineData("v1/traces", "application/json", new byte[] { (byte)'{', (byte)'"', (byte)'r' })]
    public async Task A_malformed_body_gets_400_with_a_status_naming_the_problem(string path, string contentType, byte[] body)
    {
        using var response = await PostAsync(path, body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a valid", await StatusMessageAsync(response), StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"not-hex","spanId":"eee19b7ec3c1b174"}]}]}]}""", "traceId 'not-hex' is not hex")]
    [InlineData("""{"resourceSpans":5}""", "not a valid OTLP/JSON")]
    [InlineData("null", "'null'")]
    public async Task Malformed_OTLP_JSON_gets_400(string json, string expected)
    {
        using var response = await PostAsync("v1/traces", Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await StatusMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_span_with_a_bad_id_is_rejected_as_a_partial_success_and_the_rest_kept()
    {
        const string json = """
            {"resourceSpans":[{"scopeSpans":[{"spans":[
              {"traceId":"5b8efff798038103d269b633813fc60d","spanId":"eee19b7ec3c1b174","name":"good"},
              {"traceId":"5b8e","spanId":"eee19b7ec3c1b175","name":"short trace id"}]}]}]}
            """;

        using var response = await PostAsync("v1/traces", Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"rejectedSpans\": \"1\"", answer, StringComparison.Ordinal);
        Assert.Contains("short trace id", answer, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(Store.GetTrace("5b8efff798038103d269b633813fc60d")).Name);
    }

    [Fact]
    public async Task An_oversized_body_gets_413_whether_announced_streamed_or_compressed()
    {
        var big = new byte[BodyLimit + 1];

        using (var announced = await PostAsync("v1/traces", big, "application/x-protobuf"))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, announced.StatusCode);

        using (var streamed = await PostAsync("v1/traces", big, "application/x-protobuf", chunked: true))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
            Assert.Contains($"at most {BodyLimit} bytes", await StatusMessageAsync(streamed), StringComparison.Ordinal);
        }

        // A small gzip body that inflates past the limit (a "zip bomb").
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            await gzip.WriteAsync(new byte[BodyLimit * 16]);
        Assert.True(compressed.Length < BodyLimit);
        using (var bomb = await PostAsync("v1/traces", compressed.ToArray(), "application/x-protobuf", "gzip"))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bomb.StatusCode);

        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Another_content_type_or_encoding_gets_415_and_broken_gzip_400()
    {
        using (var text = await PostAsync("v1/traces", "hello"u8.ToArray(), "text/plain"))
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        using (var brotli = await PostAsync("v1/traces", [1, 2, 3], "application/x-protobuf", "br"))
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, brotli.StatusCode);
        using (var notGzip = await PostAsync("v1/traces", "plainly not gzip"u8.ToArray(), "application/x-protobuf", "gzip"))
            Assert.Equal(HttpStatusCode.BadRequest, notGzip.StatusCode);
        using (var get = await _http.GetAsync(new Uri(_dashboard.Url, "v1/traces")))
            Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string contentType, string? encoding = null, bool chunked = false)
    {
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (encoding is not null)
            content.Headers.ContentEncoding.Add(encoding);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_dashboard.Url, path)) { Content = content };
        if (chunked)
            request.Headers.TransferEncodingChunked = true;
        return await _http.SendAsync(request);
    }

    private static async Task<string> StatusMessageAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.Content.Headers.ContentType?.MediaType == "application/json"
            ? System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("message").GetString()!
            : Patterns.Hosting.Dashboard.Otlp.Proto.Rpc.Status.Parser.ParseFrom(body).Message;
    }

    private async Task AssertStillServingAsync()
    {
        using var response = await _http.GetAsync(new Uri(_dashboard.Url, "traces"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
