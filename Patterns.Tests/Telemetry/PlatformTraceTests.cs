using System.Net;
using System.Text;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Dashboard.Telemetry;
using Patterns.Hosting.Testing;
using Patterns.Tests.Support;

namespace Patterns.Tests.Telemetry;

/// <summary>
/// Pattern 1 run with its dashboard: one API request is one trace, from the local cloud's own
/// spans (API Gateway's request, Lambda's invoke) through the function's span to its AWS SDK call,
/// each span the child of the one before.
/// </summary>
public sealed class PlatformTraceTests : IAsyncLifetime
{
    private static readonly TimeSpan TraceDeadline = TimeSpan.FromSeconds(10);

    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(PatternsApp.Build(new Pattern01ApiBackend()), new TestAppOptions { WithDashboard = true });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DashboardServer Dashboard => _app.LocalApp.Dashboard ?? throw new InvalidOperationException("The app was started without its dashboard.");

    [Fact]
    public async Task An_api_request_is_one_trace_from_api_gateway_to_the_dynamodb_call()
    {
        var (traceId, clientSpanId) = TraceIds.New();
        using var api = _app.CreateHttpClient("ProductsAPI");
        using var request = new HttpRequestMessage(HttpMethod.Post, "products")
        {
            Content = new StringContent("""{"name":"Traced widget","price":4.5}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");

        using var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var spans = await TraceAsync(traceId, spans => spans.Any(s => s.Name == "DynamoDB.PutItem") && spans.Any(s => s.Name == "POST /products"));
        var gateway = Assert.Single(spans, s => s.Name == "POST /products");
        var invoke = Assert.Single(spans, s => s.Name == "Invoke HelloServerless");
        var function = Assert.Single(spans, s => s.ServiceName == "HelloServerless" && s.Kind == TelemetrySpanKind.Server);
        var putItem = Assert.Single(spans, s => s.Name == "DynamoDB.PutItem");

        Assert.Equal(("API Gateway", TelemetrySpanKind.Server, clientSpanId), (gateway.ServiceName, gateway.Kind, gateway.ParentSpanId));
        Assert.Equal("POST", gateway.Attribute("http.request.method"));
        Assert.Equal("/products", gateway.Attribute("http.route"));
        Assert.Equal("201", gateway.Attribute("http.response.status_code"));
        Assert.Equal(_app.Resources.RestApi("ProductsAPI").Id, gateway.Attribute("aws.api_gateway.rest_api_id"));
        Assert.Equal(("Lambda", gateway.SpanId), (invoke.ServiceName, invoke.ParentSpanId));
        Assert.Equal("HelloServerless", invoke.Attribute("faas.invoked_name"));
        Assert.Equal("aws", invoke.Attribute("faas.invoked_provider"));
        Assert.Equal((invoke.SpanId, "http"), (function.ParentSpanId, function.Attribute("faas.trigger")));
        Assert.Equal(invoke.Attribute("faas.invocation_id"), function.Attribute("faas.invocation_id"));
        Assert.Equal((TelemetrySpanKind.Client, function.SpanId), (putItem.Kind, putItem.ParentSpanId));
        Assert.False(gateway.IsError || invoke.IsError || function.IsError || putItem.IsError);
        Assert.Contains($"Root=1-{traceId[..8]}-{traceId[8..]};Parent={gateway.SpanId}", response.Headers.GetValues("X-Amzn-Trace-Id").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_invoke_continues_the_callers_trace_through_lambda_to_the_function()
    {
        var (traceId, clientSpanId) = TraceIds.New();
        using var http = new HttpClient { BaseAddress = _app.EdgeUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "2015-03-31/functions/HelloServerless/invocations")
        {
            Content = new StringContent("""{"httpMethod":"GET","resource":"/products","path":"/products"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spans = await TraceAsync(traceId, spans => spans.Any(s => s.Name == "DynamoDB.Scan") && spans.Any(s => s.Name == "Invoke HelloServerless"));
        var invoke = Assert.Single(spans, s => s.Name == "Invoke HelloServerless");
        var function = Assert.Single(spans, s => s.ServiceName == "HelloServerless" && s.Kind == TelemetrySpanKind.Server);
        Assert.Equal(("Lambda", clientSpanId), (invoke.ServiceName, invoke.ParentSpanId));
        Assert.Equal(invoke.SpanId, function.ParentSpanId);
        Assert.DoesNotContain(spans, s => s.ServiceName == "API Gateway");
    }


    /// <summary>The trace's spans once <paramref name="complete"/> holds; the local cloud's spans leave on a short batch schedule.</summary>
    private Task<IReadOnlyList<TelemetrySpan>> TraceAsync(string traceId, Func<IReadOnlyList<TelemetrySpan>, bool> complete) =>
        DashboardTrace.WaitAsync(Dashboard.Store, traceId, complete, TraceDeadline);
}
