namespace Patterns.Hosting.Local;

/// <summary>Ends a console subscription of the dashboard.</summary>
internal sealed class DashboardSubscription(Action dispose) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            dispose();
    }
}
