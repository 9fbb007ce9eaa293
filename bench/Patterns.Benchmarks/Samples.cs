using System.Globalization;

namespace Patterns.Benchmarks;

/// <summary>Latencies of one measurement, in milliseconds.</summary>
/// <param name="warmUpCalls">Calls made before the measurement, not in it.</param>
internal sealed class Samples(string name, int warmUpCalls = 0)
{
    private readonly List<double> _values = [];

    public string Name { get; } = name;

    public void Add(TimeSpan elapsed) => _values.Add(elapsed.TotalMilliseconds);

    public double Percentile(double p)
    {
        var sorted = _values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public double P50 => Percentile(50);

    public double P99 => Percentile(99);

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Name,-44} p50 {P50,8:0.000} ms   p99 {P99,8:0.000} ms   (n={_values.Count}{(warmUpCalls > 0 ? $", after {warmUpCalls} warm-up calls" : "")})");
}
