namespace Patterns.LocalCloud;

/// <summary>
/// The work a service runs after answering its caller (asynchronous invokes, deliveries): each
/// piece is tracked so that stopping cancels them all and waits for them, and nothing outlives the
/// local cloud.
/// </summary>
internal sealed class BackgroundWork : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];

    /// <summary>Cancelled when the local cloud stops.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>Runs <paramref name="work"/> on the thread pool and tracks it.</summary>
    public void Run(Func<Task> work) => Track(Task.Run(work));

    /// <summary>Tracks work that is already running (e.g. a continuation that keeps an order).</summary>
    public void Track(Task task)
    {
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    /// <summary>Waits until nothing is running, including work that running work started.</summary>
    public async Task WhenIdleAsync()
    {
        while (true)
        {
            Task[] running;
            lock (_running)
                running = [.. _running.Where(t => !t.IsCompleted)];
            if (running.Length == 0)
                return;
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await WhenIdleAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
