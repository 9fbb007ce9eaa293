using System.Diagnostics;

namespace Patterns.Benchmarks;

/// <summary>
/// Measures calls side by side: once each has warmed up, they take turns in short blocks, so a
/// change in the machine's load (a neighbour, a compiler thread, a collection) falls on all of
/// them alike and their ratio compares like with like.
/// </summary>
internal static class SideBySide
{
    private const int Blocks = 20;
    private const int BlockSize = 100;

    public static async Task<Samples[]> MeasureAsync(params (string Name, Func<Task> Call)[] calls)
    {
        var samples = new Samples[calls.Length];
        for (var i = 0; i < calls.Length; i++)
            samples[i] = new Samples(calls[i].Name, await WarmUp.UntilJitSettlesAsync(calls[i].Call));

        for (var block = 0; block < Blocks; block++)
        {
            for (var i = 0; i < calls.Length; i++)
            {
                for (var n = 0; n < BlockSize; n++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await calls[i].Call();
                    samples[i].Add(Stopwatch.GetElapsedTime(start));
                }
            }
        }
        return samples;
    }
}
