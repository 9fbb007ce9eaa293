using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Dashboard.Telemetry;
using Patterns.Tests.Dashboard;
using Patterns.Tests.Functions;
using Patterns.Tests.Support;

namespace Patterns.Tests.Telemetry;

/// <summary>
/// The real Functions process with OTEL_EXPORTER_OTLP_ENDPOINT pointing at the real dashboard's
/// receiver: each invocation's span (and its AWS SDK calls' spans) must be in the dashboard by
/// the time the Runtime API receives the invocation's result.
/// </summary>
public sealed class FunctionTelemetryProcessTests
{
    private const string Faults = "Functions::Functions.Diagnostics.Faults::";
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:TestFunction";
    private const string TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    private const string TraceId = "5759e988bd862e3fe1be46a994272793";

    /// <summary>Only the receiver's own handling of the export may lie between the result and the store.</summary>
    private static readonly TimeSpan StoreDeadline = TimeSpan.FromMilliseconds(100);

    private readonly List<string> traceparents = [];

    /// <summary>When set, the DynamoDB stand-in answers every call with this error.</summary>
    private string? dynamoDbError;

    [Fact]
    public async Task Each_invocation_is_a_server_span_in_the_callers_trace_exported_before_its_result()
    {
        await using var dashboard = await StartDashboardAsync();
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(EnvironmentFor(api, dashboard, Faults + "Echo"));

        var headers = new InvocationHeaders(TraceId: TraceHeader, InvokedFunctionArn: FunctionArn);
        await function.OutcomeOf(api.InvokeAsync("first", """{"httpMethod":"GET","path":"/"}""", headers));
        var first = await SpanOfAsync(dashboard, "first");
        await function.OutcomeOf(api.InvokeAsync("second", """{"Records":[{"eventSource":"aws:sqs","body":"x"}]}""", headers));
        var second = await SpanOfAsync(dashboard, "second");

        Assert.Equal("TestFunction", first.Name);
        Assert.Equal(TelemetrySpanKind.Server, first.Kind);
        Assert.Equal(TraceId, first.TraceId);
        Assert.Equal("53995c3f42cd8ad8", first.ParentSpanId);
        Assert.Equal(TelemetryStatus.Unset, first.Status);
        Assert.Equal("http", first.Attribute("faas.trigger"));
        Assert.Equal("true", first.Attribute("faas.coldstart"));
        Assert.Equal("TestFunction", first.Attribute("faas.name"));
        Assert.Equal(FunctionArn, first.Attribute("cloud.resource_id"));
        Assert.Equal("123456789012", first.Attribute("cloud.account.id"));
        Assert.Equal("TestFunction", first.ServiceName);
        Assert.Equal("2025/01/01/[$LATEST]0123456789abcdef", first.Resource.Attribute("service.instance.id"));
        Assert.Equal("aws", first.Resource.Attribute("cloud.provider"));
        Assert.Equal("us-east-1", first.Resource.Attribute("cloud.region"));
        Assert.Equal("$LATEST", first.Resource.Attribute("faas.version"));
        Assert.Equal((256L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), first.Resource.Attribute("faas.max_memory"));

        Assert.Equal("false", second.Attribute("faas.coldstart"));
        Assert.Equal("pubsub", second.Attribute("faas.trigger"));
        Assert.NotEqual(first.SpanId, second.SpanId);
        var stats = Assert.Single(dashboard.Store.GetInvocations());
        Assert.Equal(("TestFunction", 2L, 1L), (stats.Function, stats.Count, stats.ColdStarts));
    }

    [Fact]
    public async Task A_failed_invocation_is_an_error_span_with_the_exception()
    {
        await using var dashboard = await StartDashboardAsync();
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(EnvironmentFor(api, dashboard, Faults + "Throw"));

        var outcome = await function.OutcomeOf(api.InvokeAsync("failing", """{"message":"boom"}"""));
        var span = await SpanOfAsync(dashboard, "failing");

        Assert.Equal(RuntimeOutcomeKind.Error, outcome.Kind);
        Assert.Equal(TelemetryStatus.Error, span.Status);
        Assert.Equal("boom", span.StatusMessage);
        Assert.Equal("other", span.Attribute("faas.trigger"));
        var exception = Assert.Single(span.Events, e => e.Name == "exception");
        Assert.Contains(exception.Attributes, a => a.Key == "exception.type" && a.Value == "System.InvalidOperationException");
        Assert.Contains(exception.Attributes, a => a.Key == "exception.message" && a.Value == "boom");
    }

    [Fact]
    public async Task A_DynamoDB_call_is_a_client_span_inside_the_invocation_and_carries_traceparent()
    {
        await using var dashboard = await StartDashboardAsync();
        await using var api = await FakeRuntimeApi.StartAsync(MapDynamoDb);
        await using var function = FunctionProcess.Start(HelloServerlessEnvironment(api, dashboard));

        var outcome = await function.OutcomeOf(api.InvokeAsync("listing", Functions.HelloServerlessTests.ApiEvent("GET", null), new InvocationHeaders(TraceId: TraceHeader)));
        var invocation = await SpanOfAsync(dashboard, "listing");
        var call = await WaitForAsync(dashboard, span => span.TraceId == TraceId && span.Name == "DynamoDB.Scan");

        Assert.Contains("\"statusCode\":200", outcome.Body);
        Assert.Equal(TelemetrySpanKind.Client, call.Kind);
        Assert.Equal(invocation.SpanId, call.ParentSpanId);
        Assert.Equal("aws-api", call.Attribute("rpc.system"));
        Assert.Equal("DynamoDB", call.Attribute("rpc.service"));
        Assert.Equal("Scan", call.Attribute("rpc.method"));
        Assert.Contains("Products", call.Attribute("aws.dynamodb.table_names"));
        Assert.Equal("200", call.Attribute("http.response.status_code"));
        lock (traceparents)
        {
            Assert.Equal([$"00-{TraceId}-{call.SpanId}-01"], traceparents);
        }

        // Log records trail the result on their own schedule (the span does not).
        var logs = await Poll.UntilAsync(() => Task.FromResult(dashboard.Store.GetLogs().Where(record => record.Body == "Listed 0 products").ToList()),
            found => found.Count > 0, TimeSpan.FromSeconds(5), "the function's log record");
        var log = Assert.Single(logs);
        Assert.Equal(TraceId, log.TraceId);
        Assert.Equal(invocation.SpanId, log.SpanId);
        Assert.Equal("TestFunction", log.ServiceName);
    }

    [Fact]
    public async Task A_failed_DynamoDB_call_is_an_error_span_with_the_service_error()
    {
        dynamoDbError = "ResourceNotFoundException";
        await using var dashboard = await StartDashboardAsync();
        await using var api = await FakeRuntimeApi.StartAsync(MapDynamoDb);
        await using var function = FunctionProcess.Start(HelloServerlessEnvironment(api, dashboard));

        await function.OutcomeOf(api.InvokeAsync("missing-table", Functions.HelloServerlessTests.ApiEvent("GET", null), new InvocationHeaders(TraceId: TraceHeader)));
        var invocation = await SpanOfAsync(dashboard, "missing-table");
        var call = await WaitForAsync(dashboard, span => span.TraceId == TraceId && span.Name == "DynamoDB.Scan");

        Assert.Equal(invocation.SpanId, call.ParentSpanId);
        Assert.Equal(TelemetryStatus.Error, call.Status);
        Assert.Equal("Requested resource not found", call.StatusMessage);
        Assert.Equal("400", call.Attribute("http.response.status_code"));
        Assert.Equal("ResourceNotFoundException", call.Attribute("error.type"));
        Assert.Contains(call.Events, e => e.Name == "exception");
    }

    private Dictionary<string, string?> HelloServerlessEnvironment(FakeRuntimeApi api, DashboardServer dashboard)
    {
        var environment = EnvironmentFor(api, dashboard, "Functions::Functions.Pattern01.HelloServerless::HandleAsync");
        environment["AWS_ENDPOINT_URL"] = $"http://{api.Address}";
        environment["AWS_ACCESS_KEY_ID"] = "test";
        environment["AWS_SECRET_ACCESS_KEY"] = "test";
        environment["TABLE_NAME"] = "Products";
        return environment;
    }

    private static Task<DashboardServer> StartDashboardAsync() =>
        DashboardServer.StartAsync(new DashboardOptions { Port = 0 }, new FakeModelSource(DashboardModel.Empty));

    private static Dictionary<string, string?> EnvironmentFor(FakeRuntimeApi api, DashboardServer dashboard, string handler)
    {
        var environment = FunctionProcess.EnvironmentFor(api, handler);
        environment["AWS_REGION"] = "us-east-1";
        foreach (var (name, value) in dashboard.OtlpEnvironment)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>Called once the result is in: the span must already be there, give or take the store's own work.</summary>
    private static Task<TelemetrySpan> SpanOfAsync(DashboardServer dashboard, string requestId) =>
        WaitForAsync(dashboard, span => span.Attribute("faas.invocation_id") == requestId);

    private static async Task<TelemetrySpan> WaitForAsync(DashboardServer dashboard, Func<TelemetrySpan, bool> match)
    {
        var deadline = DateTime.UtcNow + StoreDeadline;
        while (true)
        {
            var found = dashboard.Store.GetTraces()
                .SelectMany(trace => dashboard.Store.GetTrace(trace.TraceId))
                .FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var names = string.Join(", ", dashboard.Store.GetTraces().SelectMany(trace => dashboard.Store.GetTrace(trace.TraceId)).Select(span => span.Name));
                Assert.Fail($"The span was not in the dashboard {StoreDeadline.TotalMilliseconds} ms after the result was posted; it holds: [{names}].");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>A DynamoDB stand-in answering Scan with no items (or with <see cref="dynamoDbError"/>), recording each request's traceparent.</summary>
    private void MapDynamoDb(IEndpointRouteBuilder endpoints) => endpoints.MapPost("/", async context =>
    {
        lock (traceparents)
        {
            traceparents.Add(context.Request.Headers["traceparent"].ToString());
        }

        context.Response.ContentType = "application/x-amz-json-1.0";
        if (dynamoDbError is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($$"""{"__type":"com.amazonaws.dynamodb.v20120810#{{dynamoDbError}}","message":"Requested resource not found"}""");
            return;
        }

        await context.Response.WriteAsync("""{"Items":[],"Count":0,"ScannedCount":0}""");
    });
}
