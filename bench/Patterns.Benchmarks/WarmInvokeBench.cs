using System.Text;

namespace Patterns.Benchmarks;

/// <summary>
/// A warm invoke through the edge (client → edge → Runtime API → function → back) against one
/// bare loopback echo round trip to another process.
/// </summary>
internal static class WarmInvokeBench
{
    private const int Count = 2000;
    private const string Payload = """{"name":"Trainee","price":49.99}""";

    public static async Task RunAsync(LambdaBench lambda)
    {
        await using var echo = await EchoProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = echo.Url };
        await lambda.CreateAsync("BenchEcho", "Functions::Functions.Diagnostics.Faults::Echo");

        var samples = await SideBySide.MeasureAsync(
            ("bare loopback HTTP echo (other process)", async () =>
            {
                using var response = await http.PostAsync("echo", new StringContent(Payload, Encoding.UTF8, "application/json"));
                await response.Content.ReadAsByteArrayAsync();
            }),
            ("warm invoke through the edge", () => lambda.InvokeAsync("BenchEcho", Payload)),
            ("DryRun invoke (edge and Lambda API only)", () => lambda.InvokeAsync("BenchEcho", Payload, "DryRun")));
        var (baseline, invoke, dryRun) = (samples[0], samples[1], samples[2]);

        Report.Section("Warm invoke vs loopback echo");
        Report.Line(baseline);
        Report.Line(dryRun);
        Report.Line(invoke);
        Report.Ratio("warm invoke / echo (p50)", invoke.P50, baseline.P50, 3.0);
        Report.Ratio("warm invoke / echo (p99)", invoke.P99, baseline.P99);
    }
}
