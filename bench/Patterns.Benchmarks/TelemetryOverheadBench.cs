using Patterns.Hosting.Dashboard;
using Patterns.LocalCloud;

namespace Patterns.Benchmarks;

/// <summary>
/// What telemetry costs a warm invoke: the same function with OTLP export to a dashboard, as a
/// local run has it (the Lambda service's invoke span; the function's invocation span, flushed
/// before the result, and its log records) against no export at all.
/// </summary>
internal static class TelemetryOverheadBench
{
    private const string Payload = """{"name":"Trainee","price":49.99}""";

    public static async Task RunAsync()
    {
        Samples off;
        await using (var cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = 0, Log = null }))
        {
            var lambda = new LambdaBench(cloud);
            await lambda.CreateAsync("BenchQuiet", "Functions::Functions.Diagnostics.Faults::Echo");
            off = await WarmInvokeBench.MeasureAsync("warm invoke, telemetry off", () => lambda.InvokeAsync("BenchQuiet", Payload));
        }

        Samples on;
        await using (var dashboard = await DashboardServer.StartAsync(new DashboardOptions { Port = 0 }, new NoModel()))
        await using (var cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = 0, Log = null, FunctionBaseEnvironment = dashboard.OtlpEnvironment, OtlpEndpoint = dashboard.OtlpEndpoint }))
        {
            var lambda = new LambdaBench(cloud);
            await lambda.CreateAsync("BenchTraced", "Functions::Functions.Diagnostics.Faults::Echo");
            on = await WarmInvokeBench.MeasureAsync("warm invoke, OTLP export to the dashboard", () => lambda.InvokeAsync("BenchTraced", Payload));
        }

        Report.Section("Telemetry overhead: OTLP export on vs off");
        Report.Line(off);
        Report.Line(on);
        Report.Ratio("export on / off (p50)", on.P50, off.P50, 1.2);
        Report.Ratio("export on / off (p99)", on.P99, off.P99);
    }
}
