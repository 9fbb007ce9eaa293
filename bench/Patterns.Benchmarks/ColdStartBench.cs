using System.Diagnostics;

namespace Patterns.Benchmarks;

/// <summary>
/// A cold start (first invoke of a new function: Runtime API, process, runtime init, handler
/// lookup, the invoke) against starting the Functions executable bare (it exits at once when
/// no Runtime API is configured: process start plus .NET start-up).
/// </summary>
internal static class ColdStartBench
{
    private const int Count = 10;

    public static async Task RunAsync(LambdaBench lambda)
    {
        var bare = new Samples("Functions executable started bare");
        var executable = Path.Combine(BuildOutputs.Functions, "bootstrap");
        for (var i = 0; i < Count + 1; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var process = Process.Start(new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (i > 0)
                bare.Add(Stopwatch.GetElapsedTime(start)); // the first start warms the disk cache
        }

        var cold = new Samples("cold start (first invoke of a function)");
        for (var i = 0; i < Count; i++)
        {
            var name = $"BenchCold{i}";
            await lambda.CreateAsync(name, "Functions::Functions.Diagnostics.Faults::Echo");
            var start = Stopwatch.GetTimestamp();
            await lambda.InvokeAsync(name, "{}");
            cold.Add(Stopwatch.GetElapsedTime(start));
        }

        Report.Section("Cold start vs bare process start");
        Report.Line(bare);
        Report.Line(cold);
        Report.Ratio("cold start / bare start (p50)", cold.P50, bare.P50);
    }
}
