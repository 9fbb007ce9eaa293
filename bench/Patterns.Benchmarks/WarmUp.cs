using System.Runtime;

namespace Patterns.Benchmarks;

/// <summary>
/// Calls until the JIT of this process has settled. Tiered compilation recompiles hot methods,
/// with profile-guided optimisation in several steps, for thousands of calls after the first;
/// on a small machine the compiler thread competes with the code it measures, so a measurement
/// taken meanwhile measures the compiler.
/// </summary>
internal static class WarmUp
{
    private const int Round = 1000;
    private const int MaxRounds = 80;
    private const int QuietRoundsNeeded = 3;
    private const int QuietBelow = 5;

    /// <returns>The number of calls made.</returns>
    public static async Task<int> UntilJitSettlesAsync(Func<Task> call)
    {
        // The compiler pauses between batches of promotions, so one quiet round proves nothing.
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietRounds = 0;
        for (var round = 1; round <= MaxRounds; round++)
        {
            for (var i = 0; i < Round; i++)
                await call();
            var now = JitInfo.GetCompiledMethodCount();
            quietRounds = now - compiled < QuietBelow ? quietRounds + 1 : 0;
            if (quietRounds == QuietRoundsNeeded)
                return round * Round;
            compiled = now;
        }
        return MaxRounds * Round;
    }
}
