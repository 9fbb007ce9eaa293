namespace Patterns.Benchmarks;

/// <summary>A console subscription with nothing to end.</summary>
internal sealed class NoSubscription : IDisposable
{
    public void Dispose()
    {
    }
}
