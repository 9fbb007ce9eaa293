using System.Net;
using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Dashboard.Pages;
using Patterns.Hosting.Dashboard.Telemetry;
using Patterns.Tests.Support;
using static Patterns.Tests.Dashboard.TestSpans;

namespace Patterns.Tests.Dashboard;

/// <summary>The pages over HTTP, fed straight into the store: what each shows, filters, links and escapes.</summary>
public sealed class DashboardPagesTests : IAsyncLifetime
{
    private readonly FakeModelSource _model = new(FakeModelSource.Pattern01);
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });
    private DashboardServer _dashboard = null!;

    private TelemetryStore Store => _dashboard.Store;

    public async Task InitializeAsync() =>
        _dashboard = await DashboardServer.StartAsync(new DashboardOptions { Port = 0 }, _model);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public async Task The_root_leads_to_the_resources_page()
    {
        using var response = await _http.GetAsync(_dashboard.Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/resources", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_resources_page_lists_each_resource_and_draws_each_edge_with_escaped_labels()
    {
        _model.Model = FakeModelSource.Pattern01 with
        {
            Edges = [.. FakeModelSource.Pattern01.Edges, new DashboardEdge("Products", "HelloServerless", DashboardEdgeKind.Mapping, "<stream>")],
        };

        var html = await GetAsync("resources");

        Assert.Contains("data-resource=\"ProductsAPI\"", html, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:4566/_aws/execute-api/abc123/dev/", html, StringComparison.Ordinal);
        Assert.Contains("TABLE_NAME", html, StringComparison.Ordinal);
        Assert.Contains("2 instances", html, StringComparison.Ordinal);
        Assert.Contains("data-from=\"ProductsAPI\" data-to=\"HelloServerless\" data-kind=\"Route\"", html, StringComparison.Ordinal);
        Assert.Contains(">GET /products</tspan>", html, StringComparison.Ordinal);
        Assert.Contains(">POST /products</tspan>", html, StringComparison.Ordinal);
        Assert.Contains("data-from=\"HelloServerless\" data-to=\"Products\" data-kind=\"Reference\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;stream&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<stream>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_is_refused_with_its_number_and_the_way_out()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => DashboardServer.StartAsync(new DashboardOptions { Port = port }, new FakeModelSource(FakeModelSource.Pattern01)));

        Assert.Contains($"The dashboard cannot listen on 127.0.0.1:{port}", exception.Message, StringComparison.Ordinal);
        Assert.Contains("0 picks a free one", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_page_shows_what_a_function_wrote_and_the_subscription_ends_with_the_dashboard()
    {
        var model = new FakeModelSource(FakeModelSource.Pattern01);
        string html;
        await using (var dashboard = await DashboardServer.StartAsync(new DashboardOptions { Port = 0 }, model))
        {
            Assert.Equal(1, model.Subscribers);
            model.Write("HelloServerless", "START RequestId: 42 <tag>");
            model.Write("Other", "not this one");
            using var response = await _http.GetAsync(new Uri(dashboard.Url, "console?resource=HelloServerless"));
            html = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("START RequestId: 42 &lt;tag&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not this one", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/console?resource=Other\"", html, StringComparison.Ordinal);
        Assert.Equal(0, model.Subscribers);
    }

    [Fact]
    public async Task Structured_logs_filter_by_resource_lowest_level_and_text_and_link_to_their_span()
    {
        Store.AddLogs([
            Log("Orders", 9, "order placed", trace: 7, span: 8),
            Log("Orders", 17, "payment declined"),
            Log("Billing", 13, "retrying payment"),
        ]);

        var all = await GetAsync("logs");
        var errorsAndWarnings = await GetAsync("logs?level=Warning");
        var billing = await GetAsync("logs?resource=Billing");
        var payment = await GetAsync("logs?q=PAYMENT&resource=Orders");

        Assert.Contains("3 records", all, StringComparison.Ordinal);
        Assert.Contains($"href=\"/traces/{TraceId(7)}?span={SpanId(8)}\"", all, StringComparison.Ordinal);
        Assert.Contains("2 records", errorsAndWarnings, StringComparison.Ordinal);
        Assert.DoesNotContain("order placed", errorsAndWarnings, StringComparison.Ordinal);
        Assert.Contains("retrying payment", billing, StringComparison.Ordinal);
        Assert.DoesNotContain("payment declined", billing, StringComparison.Ordinal);
        Assert.Contains("1 record<", payment, StringComparison.Ordinal);
        Assert.Contains("payment declined", payment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_traces_page_searches_by_span_name_attribute_value_trace_id_and_resource()
    {
        Store.AddSpans([
            Span(1, 1, service: "API Gateway", name: "GET /products", durationMs: 12),
            Span(1, 2, parent: 1, service: "Orders", name: "Query", attributes: [("aws.dynamodb.table_names", "[Products]")]),
            Span(2, 3, service: "API Gateway", name: "POST /orders", error: true),
        ]);

        var all = await GetAsync("traces");
        Assert.Contains("2 traces", all, StringComparison.Ordinal);
        Assert.Contains("API Gateway: GET /products", all, StringComparison.Ordinal);
        Assert.Contains("12 ms", all, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge error\">1</span>", all, StringComparison.Ordinal);

        Assert.Contains(TraceId(1), await GetAsync("traces?q=query"), StringComparison.Ordinal);
        Assert.DoesNotContain(TraceId(2), await GetAsync("traces?q=Products%5D"), StringComparison.Ordinal);
        Assert.Contains("1 trace<", await GetAsync($"traces?q={TraceId(2)}"), StringComparison.Ordinal);
        Assert.Contains("1 trace<", await GetAsync("traces?resource=Orders"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trace_page_nests_spans_marks_errors_and_shows_links_both_ways()
    {
        var producer = new SpanKey(TraceId(10), SpanId(11));
        Store.AddSpans([
            Span(10, 10, service: "API Gateway", name: "POST /orders"),
            Span(10, 11, parent: 10, service: "Orders", name: "SQS.SendMessage", kind: TelemetrySpanKind.Producer),
            Span(20, 20, service: "Fulfilment", name: "Fulfilment", kind: TelemetrySpanKind.Consumer, links: [producer], error: true),
        ]);

        var producerPage = await GetAsync($"traces/{TraceId(10)}");
        var consumerPage = await GetAsync($"traces/{TraceId(20).ToUpperInvariant()}?span={SpanId(20)}");

        Assert.Contains($"data-span=\"{SpanId(11)}\" data-parent=\"{SpanId(10)}\" data-depth=\"1\"", producerPage, StringComparison.Ordinal);
        Assert.Contains("Linked from", producerPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/traces/{TraceId(20)}?span={SpanId(20)}\">Fulfilment: Fulfilment</a>", producerPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/traces/{TraceId(10)}?span={SpanId(11)}\">Orders: SQS.SendMessage</a>", consumerPage, StringComparison.Ordinal);
        Assert.Contains("wf-bar error", consumerPage, StringComparison.Ordinal);
        Assert.Contains($"id=\"detail-{SpanId(20)}\">", consumerPage, StringComparison.Ordinal); // opened by ?span=
        Assert.Contains($"id=\"detail-{SpanId(11)}\" hidden>", producerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_trace_is_a_404_that_says_why()
    {
        using var response = await _http.GetAsync(new Uri(_dashboard.Url, $"traces/{TraceId(999)}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("may not have arrived yet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_part_is_served_alone_with_an_ETag_and_is_304_until_something_changes()
    {
        var fragment = new Uri(_dashboard.Url, "traces?fragment=1");
        using var first = await _http.GetAsync(fragment);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.DoesNotContain("<html", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, fragment);
        unchanged.Headers.IfNoneMatch.Add(etag);
        using (var response = await _http.SendAsync(unchanged))
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);

        Store.AddSpans([Span(30, 30, name: "new")]);
        using var changed = new HttpRequestMessage(HttpMethod.Get, fragment);
        changed.Headers.IfNoneMatch.Add(etag);
        using (var response = await _http.SendAsync(changed))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(etag, response.Headers.ETag);
            Assert.Contains("svc: new", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_invocations_page_lists_every_function_of_the_model_with_its_counts()
    {
        Store.AddSpans([
            Invocation(1, 1, "HelloServerless", durationMs: 10, coldStart: true),
            Invocation(2, 2, "HelloServerless", durationMs: 20, error: true),
            Invocation(3, 3, "NotInTheModel", durationMs: 5),
        ]);

        var html = await GetAsync("invocations");

        Assert.Contains("data-function=\"HelloServerless\"", html, StringComparison.Ordinal);
        Assert.Contains("data-function=\"NotInTheModel\"", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">2</td><td class=\"num\"><span class=\"error-text\">1</span></td><td class=\"num\">50 %</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_answers_with_the_navigation_and_its_live_part()
    {
        foreach (var (path, _) in PageLayout.Navigation)
        {
            var html = await GetAsync(path.TrimStart('/'));
            Assert.Contains($"<a href=\"{path}\" class=\"active\">", html, StringComparison.Ordinal);
            Assert.Contains($"data-src=\"{path}?fragment=1\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_taken_port_is_refused_with_a_message_naming_it()
    {
        var port = _dashboard.Url.Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DashboardServer.StartAsync(new DashboardOptions { Port = port }, new FakeModelSource(DashboardModel.Empty)));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("choose another port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_OTLP_environment_points_an_SDK_at_the_receiver()
    {
        Assert.Equal(_dashboard.Url.ToString().TrimEnd('/'), _dashboard.OtlpEnvironment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", _dashboard.OtlpEnvironment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    [Fact]
    public void The_waterfall_orders_depth_first_and_copes_with_missing_parents_and_cycles()
    {
        var rows = WaterfallRow.Order([
            Span(1, 4, parent: 2, startMs: 3),
            Span(1, 1, startMs: 0),
            Span(1, 2, parent: 1, startMs: 2),
            Span(1, 3, parent: 1, startMs: 1),
            Span(1, 5, parent: 99, startMs: 4), // its parent never arrived
            Span(1, 6, parent: 7, startMs: 5), // 6 and 7 are each other's parent
            Span(1, 7, parent: 6, startMs: 6),
        ]);

        Assert.Equal(
            [(1, 0), (3, 1), (2, 1), (4, 2), (5, 0), (6, 0), (7, 1)],
            rows.Select(r => (Convert.ToInt32(r.Span.SpanId, 16), r.Depth)));
    }

    [Fact]
    public void The_waterfall_orders_a_very_deep_chain_without_recursing()
    {
        const int depth = 50_000;
        var rows = WaterfallRow.Order([.. Enumerable.Range(1, depth).Select(i => Span(1, i, parent: i == 1 ? null : i - 1, startMs: i))]);

        Assert.Equal(depth, rows.Count);
        Assert.Equal(depth - 1, rows[^1].Depth);
    }

    private async Task<string> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(_dashboard.Url, path));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
