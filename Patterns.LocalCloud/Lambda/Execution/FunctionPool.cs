using Patterns.LocalCloud.Lambda.Functions;

namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>
/// The instances of one function: a warm one is reused, a concurrent invocation gets a new one,
/// up to the local limit, past which invocations wait for an instance to come free. Lost
/// instances (crashed, timed out) and instances of an older configuration are replaced.
/// </summary>
internal sealed class FunctionPool(int maxInstances, InstanceSettings settings) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(maxInstances, maxInstances);
    private readonly Stack<FunctionInstance> _idle = new();
    private readonly HashSet<FunctionInstance> _all = [];
    private readonly List<Task> _stopping = [];
    private bool _disposed;

    public int RunningCount
    {
        get
        {
            lock (_all)
                return _all.Count(i => i.IsStarted && !i.IsLost);
        }
    }

    public async Task<FunctionInstance> AcquireAsync(FunctionDefinition function, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        List<FunctionInstance> stale = [];
        try
        {
            lock (_all)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                while (_idle.TryPop(out var candidate))
                {
                    if (!candidate.IsLost && candidate.RevisionId == function.RevisionId)
                        return candidate;
                    stale.Add(candidate);
                    _all.Remove(candidate);
                }
                var instance = new FunctionInstance(function, settings);
                _all.Add(instance);
                return instance;
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }
        finally
        {
            foreach (var instance in stale)
                Retire(instance);
        }
    }

    public void Release(FunctionInstance instance)
    {
        var keep = false;
        lock (_all)
        {
            if (!_disposed && !instance.IsLost && instance.IsStarted)
            {
                _idle.Push(instance);
                keep = true;
            }
            else
            {
                _all.Remove(instance);
            }
        }
        if (!keep)
            Retire(instance);
        _slots.Release();
    }

    /// <summary>Stops the idle instances now; busy ones are replaced when they finish (their revision is stale).</summary>
    public void RetireIdle()
    {
        List<FunctionInstance> idle;
        lock (_all)
        {
            idle = [.. _idle];
            _idle.Clear();
            foreach (var instance in idle)
                _all.Remove(instance);
        }
        foreach (var instance in idle)
            Retire(instance);
    }

    // Instances stop in the background; disposal waits for them so no process outlives the pool.
    private void Retire(FunctionInstance instance)
    {
        var stopping = instance.DisposeAsync().AsTask();
        lock (_stopping)
        {
            _stopping.RemoveAll(t => t.IsCompleted);
            _stopping.Add(stopping);
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<FunctionInstance> all;
        lock (_all)
        {
            _disposed = true;
            all = [.. _all];
            _all.Clear();
            _idle.Clear();
        }
        foreach (var instance in all)
            Retire(instance);
        Task[] stopping;
        lock (_stopping)
            stopping = [.. _stopping];
        await Task.WhenAll(stopping).ConfigureAwait(false);
    }
}
