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
        await using var quiet = await LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = 0, Log = null });
        await using var dashboard = await DashboardServer.StartAsync(new DashboardOptions { Port = 0 }, new NoModel());
        await using var traced = await LocalCloudHost.StartAsync(new LocalCloudOptions { EdgePort = 0, Log = null, FunctionBaseEnvironment = dashboard.OtlpEnvironment, OtlpEndpoint = dashboard.OtlpEndpoint });
        var off = new LambdaBench(quiet);
        var on = new LambdaBench(traced);
        await off.CreateAsync("BenchQuiet", "Functions::Functions.Diagnostics.Faults::Echo");
        await on.CreateAsync("BenchTraced", "Functions::Functions.Diagnostics.Faults::Echo");

        var samples = await SideBySide.MeasureAsync(
            ("warm invoke, telemetry off", () => off.InvokeAsync("BenchQuiet", Payload)),
            ("warm invoke, OTLP export to the dashboard", () => on.InvokeAsync("BenchTraced", Payload)));

        Report.Section("Telemetry overhead: OTLP export on vs off");
        Report.Line(samples[0]);
        Report.Line(samples[1]);
        Report.Ratio("export on / off (p50)", samples[1].P50, samples[0].P50, 1.2);
        Report.Ratio("export on / off (p99)", samples[1].P99, samples[0].P99);
    }
}
