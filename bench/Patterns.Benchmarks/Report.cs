using System.Globalization;

namespace Patterns.Benchmarks;

/// <summary>Prints measurements and their ratios against the baseline taken in the same run.</summary>
internal static class Report
{
    public static void Section(string title) => Console.WriteLine($"{Environment.NewLine}== {title}");

    public static void Line(Samples samples) => Console.WriteLine("  " + samples.Describe());

    public static void Ratio(string what, double measured, double baseline, double? target = null)
    {
        var ratio = measured / baseline;
        var verdict = target is { } t ? (ratio <= t ? $"  (target <= {t:0.00}x: met)" : $"  (target <= {t:0.00}x: NOT met)") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-44} {ratio,6:0.00}x{verdict}"));
    }
}
