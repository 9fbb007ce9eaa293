using System.Globalization;

namespace Patterns.LocalCloud.Lambda.Logs;

/// <summary>The numbers of a REPORT line.</summary>
internal sealed record InvocationReport(double DurationMs, int MemorySizeMb, int MaxMemoryUsedMb, double? InitDurationMs)
{
    public string ToLogLine(string requestId)
    {
        var billed = Math.Max(1, (long)Math.Ceiling(DurationMs));
        var line = string.Create(CultureInfo.InvariantCulture,
            $"REPORT RequestId: {requestId}\tDuration: {DurationMs:0.00} ms\tBilled Duration: {billed} ms\tMemory Size: {MemorySizeMb} MB\tMax Memory Used: {MaxMemoryUsedMb} MB\t");
        return InitDurationMs is { } init
            ? line + string.Create(CultureInfo.InvariantCulture, $"Init Duration: {init:0.00} ms\t")
            : line;
    }
}
