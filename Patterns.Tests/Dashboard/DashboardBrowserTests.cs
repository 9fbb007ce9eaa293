using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Testing;
using Patterns.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Patterns.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser (Debian's Chromium driven by Playwright): a trace sent by
/// real OTLP exporters is found on the Traces page and opened as a waterfall with the right
/// nesting; every page is saved as a screenshot under the test output's screenshots folder.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly FakeModelSource _model = new(FakeModelSource.Pattern01);
    private DashboardServer _dashboard = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"The browser tests drive Debian's Chromium at {Chromium}, which is not installed: run 'apt-get install -y chromium' (.ci/run does).");
        _dashboard = await DashboardServer.StartAsync(new DashboardOptions { Port = 0, RefreshInterval = TimeSpan.FromMilliseconds(250) }, _model);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_dashboard is not null)
            await _dashboard.DisposeAsync();
    }

    [Fact]
    public async Task A_trace_from_three_services_is_found_and_shown_as_a_nested_waterfall()
    {
        var failed = OrderTrace.Send(_dashboard.Url, fail: true);
        OrderTrace trace;
        using (var loggerFactory = OtlpExporters.Logging(_dashboard.Url, OrderTrace.Function))
        {
            var logger = loggerFactory.CreateLogger("Functions.Pattern01.HelloServerless");
            trace = OrderTrace.Send(_dashboard.Url, inFunction: () =>
            {
                logger.LogInformation("Stored product {ProductId} in {Table}", "p-1", "Products");
                logger.LogWarning("Price {Price} has more than two decimals", 49.999);
            });
            logger.LogError("Connection to the edge was reset");
        }
        _model.Write(OrderTrace.Function, $"START RequestId: 1f0c Version: $LATEST");
        _model.Write(OrderTrace.Function, "Created product Gadget (49.99)");
        _model.Write(OrderTrace.Function, "END RequestId: 1f0c");
        SendMetrics();
        await Poll.UntilAsync(() => Task.FromResult(_dashboard.Store.SpanCount), n => n == 8, TimeSpan.FromSeconds(10), "both traces' spans");

        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });

        await page.GotoAsync(new Uri(_dashboard.Url, "traces").ToString());
        var row = page.Locator($"#traces tr[data-trace='{trace.TraceId}']");
        await Expect(row).ToContainTextAsync("API Gateway: POST /products");
        await Expect(page.Locator($"#traces tr[data-trace='{failed.TraceId}'] .badge.error")).ToHaveTextAsync("2");
        await Screenshot(page, "traces");

        await row.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync($"**/traces/{trace.TraceId}");
        var rows = page.Locator("#waterfall .wf-row");
        await Expect(rows).ToHaveCountAsync(4);
        var expected = new[]
        {
            (trace.GatewaySpanId, "", "0", OrderTrace.Gateway, "POST /products"),
            (trace.InvokeSpanId, trace.GatewaySpanId, "1", OrderTrace.Lambda, "Invoke HelloServerless"),
            (trace.FunctionSpanId, trace.InvokeSpanId, "2", OrderTrace.Function, "HelloServerless"),
            (trace.DynamoDbSpanId, trace.FunctionSpanId, "3", OrderTrace.Function, "DynamoDB.PutItem"),
        };
        for (var i = 0; i < expected.Length; i++)
        {
            var (spanId, parent, depth, service, name) = expected[i];
            var span = rows.Nth(i);
            Assert.Equal(spanId, await span.GetAttributeAsync("data-span"));
            Assert.Equal(parent, await span.GetAttributeAsync("data-parent"));
            Assert.Equal(depth, await span.GetAttributeAsync("data-depth"));
            Assert.Equal(service, await span.GetAttributeAsync("data-service"));
            await Expect(span.Locator(".name")).ToHaveTextAsync(name);
        }
        // Each level is drawn further in than its parent, and each child's bar starts no earlier.
        var indents = new List<double>();
        var starts = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            indents.Add((await rows.Nth(i).Locator(".name").BoundingBoxAsync())!.X);
            starts.Add((await rows.Nth(i).Locator(".wf-bar").BoundingBoxAsync())!.X);
        }
        Assert.True(indents.Zip(indents.Skip(1)).All(p => p.Second > p.First), $"indents grow with depth: {string.Join(", ", indents)}");
        Assert.True(starts.Zip(starts.Skip(1)).All(p => p.Second >= p.First - 0.5), $"children start within their parents: {string.Join(", ", starts)}");

        await rows.Nth(2).ClickAsync();
        var detail = page.Locator($"#detail-{trace.FunctionSpanId}");
        await Expect(detail).ToBeVisibleAsync();
        await Expect(detail).ToContainTextAsync("faas.coldstart");
        await Expect(detail).ToContainTextAsync("faas.name");
        await Screenshot(page, "trace-waterfall");

        await page.GotoAsync(new Uri(_dashboard.Url, $"traces/{failed.TraceId}").ToString());
        await Expect(page.Locator("#waterfall .wf-row.error")).ToHaveCountAsync(2);
        await Expect(page.Locator($"#span-{failed.DynamoDbSpanId} .wf-bar.error")).ToBeVisibleAsync();
        await Screenshot(page, "trace-error");

        await page.GotoAsync(new Uri(_dashboard.Url, "resources").ToString());
        await Expect(page.Locator("#resources tr[data-resource='HelloServerless']")).ToContainTextAsync("Running");
        await Expect(page.Locator("#graph .edge[data-from='ProductsAPI'][data-to='HelloServerless']")).ToContainTextAsync("POST /products");
        await Screenshot(page, "resources");

        await page.GotoAsync(new Uri(_dashboard.Url, "console?resource=HelloServerless").ToString());
        await Expect(page.Locator(".console")).ToContainTextAsync("Created product Gadget");
        _model.Write(OrderTrace.Function, "a line written while the page is open");
        await Expect(page.Locator(".console")).ToContainTextAsync("a line written while the page is open");
        await Screenshot(page, "console");

        await page.GotoAsync(new Uri(_dashboard.Url, "logs").ToString());
        var logRow = page.Locator("#logs tr", new PageLocatorOptions { HasText = "Stored product" });
        await Expect(logRow).ToHaveCountAsync(1);
        await Screenshot(page, "structured-logs");
        // The page refreshes itself while logs arrive, which can swap the row under a click; the
        // link's target is what the entry promises, so it is read and followed.
        var link = logRow.Locator("a");
        await Expect(link).ToHaveAttributeAsync("href", $"/traces/{trace.TraceId}?span={trace.FunctionSpanId}");
        await page.GotoAsync(new Uri(_dashboard.Url, await link.GetAttributeAsync("href")).ToString());
        await Expect(page.Locator($"#detail-{trace.FunctionSpanId}")).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(_dashboard.Url, "invocations").ToString());
        var invocations = page.Locator("#invocations tr[data-function='HelloServerless'] td");
        await Expect(invocations.Nth(1)).ToHaveTextAsync("2");
        await Expect(invocations.Nth(2)).ToHaveTextAsync("1");
        await Screenshot(page, "invocations");

        await page.GotoAsync(new Uri(_dashboard.Url, "metrics").ToString());
        await Expect(page.Locator("#metrics tr", new PageLocatorOptions { HasText = "products.created" })).ToContainTextAsync("2");
        await Screenshot(page, "metrics");

        // Pages update without a reload: a trace sent now appears on the open Traces page.
        await page.GotoAsync(new Uri(_dashboard.Url, "traces").ToString());
        var later = OrderTrace.Send(_dashboard.Url);
        await Expect(page.Locator($"#traces tr[data-trace='{later.TraceId}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_request_to_the_running_model_is_shown_as_one_trace_from_api_gateway_to_dynamodb()
    {
        await using var app = await TestApp.StartAsync(PatternsApp.Build(new Pattern01ApiBackend()), new TestAppOptions { WithDashboard = true });
        var dashboard = app.LocalApp.Dashboard!;
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using (var api = app.CreateHttpClient("ProductsAPI"))
        using (var request = new HttpRequestMessage(HttpMethod.Post, "products") { Content = new StringContent("""{"name":"Gadget","price":49.99}""", Encoding.UTF8, "application/json") })
        {
            request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
            using var response = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var spans = await Poll.UntilAsync(() => Task.FromResult(dashboard.Store.GetTrace(traceId)), s => s.Count == 4, TimeSpan.FromSeconds(10), "the request's four spans");
        var ordered = spans.OrderBy(s => s.StartUnixNano).ToList();

        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await page.GotoAsync(new Uri(dashboard.Url, "traces").ToString());
        var row = page.Locator($"#traces tr[data-trace='{traceId}']");
        await Expect(row).ToContainTextAsync("API Gateway: POST /products");
        await row.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync($"**/traces/{traceId}");
        var rows = page.Locator("#waterfall .wf-row");
        await Expect(rows).ToHaveCountAsync(4);
        var expected = new[]
        {
            ("00f067aa0ba902b7", "0", "API Gateway", "POST /products"),
            (ordered[0].SpanId, "1", "Lambda", "Invoke HelloServerless"),
            (ordered[1].SpanId, "2", "HelloServerless", "HelloServerless"),
            (ordered[2].SpanId, "3", "HelloServerless", "DynamoDB.PutItem"),
        };
        for (var i = 0; i < expected.Length; i++)
        {
            var (parent, depth, service, name) = expected[i];
            var span = rows.Nth(i);
            Assert.Equal(ordered[i].SpanId, await span.GetAttributeAsync("data-span"));
            Assert.Equal(parent, await span.GetAttributeAsync("data-parent"));
            Assert.Equal(depth, await span.GetAttributeAsync("data-depth"));
            Assert.Equal(service, await span.GetAttributeAsync("data-service"));
            await Expect(span.Locator(".name")).ToHaveTextAsync(name);
        }
        await rows.Nth(1).ClickAsync();
        await Expect(page.Locator($"#detail-{ordered[1].SpanId}")).ToContainTextAsync("faas.invoked_name");
        await Screenshot(page, "real-trace");
    }

    [Fact]
    public async Task A_fan_out_is_shown_as_one_trace_from_the_publisher_through_sns_to_three_subscribers()
    {
        await using var app = await TestApp.StartAsync(PatternsApp.Build(new Pattern05FanOut()), new TestAppOptions { WithDashboard = true });
        var dashboard = app.LocalApp.Dashboard!;
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using (var edge = new HttpClient { BaseAddress = app.EdgeUrl })
        using (var request = new HttpRequestMessage(HttpMethod.Post, "2015-03-31/functions/ImageUploadHandler/invocations") { Content = new StringContent("""{"filename":"vacation.jpg"}""", Encoding.UTF8, "application/json") })
        {
            request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
            using var response = await edge.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        string[] subscribers = ["ThumbnailGenerator", "MetadataExtractor", "ImageClassifier"];
        await Poll.UntilAsync(() => Task.FromResult(dashboard.Store.GetTrace(traceId)),
            s => subscribers.All(n => s.Any(x => x.ServiceName == n) && s.Any(x => x.Name == $"Invoke {n}")), TimeSpan.FromSeconds(15), "the fan-out's spans");

        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await page.GotoAsync(new Uri(dashboard.Url, $"traces/{traceId}").ToString());
        var rows = page.Locator("#waterfall .wf-row");
        await Expect(page.Locator("#waterfall .wf-row[data-service='SNS']").First).ToBeVisibleAsync();
        foreach (var subscriber in subscribers)
            await Expect(page.Locator($"#waterfall .wf-row[data-service='{subscriber}']")).ToHaveCountAsync(1);
        // Each subscriber's invocation sits deeper than the publish that caused it.
        var publish = page.Locator("#waterfall .wf-row[data-service='ImageUploadHandler']").Filter(new LocatorFilterOptions { HasText = "SNS.Publish" });
        var publishDepth = int.Parse((await publish.GetAttributeAsync("data-depth"))!, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var subscriber in subscribers)
        {
            var depth = int.Parse((await page.Locator($"#waterfall .wf-row[data-service='{subscriber}']").GetAttributeAsync("data-depth"))!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(depth > publishDepth, $"{subscriber} at depth {depth} is not under SNS.Publish at depth {publishDepth}.");
        }
        await Screenshot(page, "fan-out-trace");
    }

    private void SendMetrics()
    {
        var meterName = "Patterns.Tests.Dashboard.Browser." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        using var metrics = OtlpExporters.Metrics(_dashboard.Url, OrderTrace.Function, meterName);
        meter.CreateCounter<long>("products.created").Add(2, new KeyValuePair<string, object?>("table", "Products"));
        meter.CreateHistogram<double>("dynamodb.duration", unit: "ms").Record(4.2);
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"dashboard-{name}.png"), FullPage = true });
}
