using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Dashboard.Telemetry;
using Patterns.Tests.Dashboard;
using Patterns.Tests.Functions;
using Patterns.Tests.Support;

namespace Patterns.Tests.Telemetry;

/// <summary>
/// The real Functions process with OTEL_EXPORTER_OTLP_ENDPOINT pointing at the real dashboard's
/// receiver: its FaaS metrics reach the dashboard on the exporter's own schedule, and what is
/// pending when the process ends is exported before it exits.
/// </summary>
public sealed class FunctionMetricsProcessTests
{
    private const string Faults = "Functions::Functions.Diagnostics.Faults::";
    private const string HttpEvent = """{"httpMethod":"GET","path":"/"}""";

    /// <summary>Twice the export interval, and the receiver's own handling on a busy machine.</summary>
    private static readonly TimeSpan ExportDeadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Invocations_reach_the_dashboard_as_faas_metrics_of_the_functions_resource()
    {
        await using var dashboard = await StartDashboardAsync();
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(EnvironmentFor(api, dashboard, Faults + "Echo", "orders-api"));

        await function.OutcomeOf(api.InvokeAsync("first", HttpEvent));
        await function.OutcomeOf(api.InvokeAsync("second", HttpEvent));

        var invocations = await Poll.UntilAsync(
            () => Task.FromResult(Latest(dashboard, "orders-api", "faas.invocations")),
            point => point?.Value == "2", ExportDeadline, "faas.invocations of orders-api to reach 2");
        Assert.Equal(("{invocation}", "sum"), (invocations!.Unit, invocations.Type));
        Assert.Equal([("faas.trigger", "http")], invocations.Attributes.Select(a => (a.Key, a.Value)));
        Assert.Equal("TestFunction", invocations.Resource.Attribute("faas.name"));
        Assert.Equal("2025/01/01/[$LATEST]0123456789abcdef", invocations.Resource.Attribute("service.instance.id"));

        // One export carries every instrument, so the others are in with the point above.
        var coldstarts = Latest(dashboard, "orders-api", "faas.coldstarts");
        Assert.Equal(("{coldstart}", "1"), (coldstarts?.Unit, coldstarts?.Value));
        var invokeDuration = Latest(dashboard, "orders-api", "faas.invoke_duration");
        Assert.Equal(("s", "histogram"), (invokeDuration?.Unit, invokeDuration?.Type));
        Assert.StartsWith("count 2,", invokeDuration!.Value);
        var initDuration = Latest(dashboard, "orders-api", "faas.init_duration");
        Assert.Equal(("s", "histogram"), (initDuration?.Unit, initDuration?.Type));
        Assert.StartsWith("count 1,", initDuration!.Value);
        Assert.Null(Latest(dashboard, "orders-api", "faas.errors"));
        Assert.NotNull(Latest(dashboard, "orders-api", "dotnet.gc.collections"));
    }

    [Fact]
    public async Task A_failed_invocation_is_exported_as_an_error_before_the_process_exits()
    {
        await using var dashboard = await StartDashboardAsync();
        var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.Start(EnvironmentFor(api, dashboard, Faults + "Throw", "failing-fn"));
        await function.OutcomeOf(api.InvokeAsync("failing", """{"message":"boom"}"""));

        // The Runtime API going away ends the process; shutting telemetry down exports the last metrics.
        await api.DisposeAsync();
        await function.WaitForExitAsync(FunctionProcess.Patience);

        var errors = Latest(dashboard, "failing-fn", "faas.errors");
        Assert.NotNull(errors);
        Assert.Equal(("{error}", "1"), (errors.Unit, errors.Value));
        Assert.Equal([("faas.trigger", "other")], errors.Attributes.Select(a => (a.Key, a.Value)));
        Assert.Null(Latest(dashboard, "failing-fn", "faas.invocations"));
    }

    private static TelemetryMetricPoint? Latest(DashboardServer dashboard, string serviceName, string metric) =>
        dashboard.Store.GetMetrics()
            .Where(point => point.Name == metric && point.Resource.ServiceName == serviceName)
            .MaxBy(point => point.TimeUnixNano);

    private static Task<DashboardServer> StartDashboardAsync() =>
        DashboardServer.StartAsync(new DashboardOptions { Port = 0 }, new FakeModelSource(DashboardModel.Empty));

    private static Dictionary<string, string?> EnvironmentFor(FakeRuntimeApi api, DashboardServer dashboard, string handler, string serviceName)
    {
        var environment = FunctionProcess.EnvironmentFor(api, handler);
        environment["AWS_REGION"] = "us-east-1";
        environment["OTEL_SERVICE_NAME"] = serviceName;
        foreach (var (name, value) in dashboard.OtlpEnvironment)
        {
            environment[name] = value;
        }

        return environment;
    }
}
