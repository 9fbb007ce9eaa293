using System.Diagnostics;
using Patterns.LocalCloud.Lambda.Functions;
using Patterns.LocalCloud.Triggers.Sqs;

namespace Patterns.LocalCloud.Lambda.EventSourceMappings;

/// <summary>
/// The Lambda service's event source mappings: stored here (moto keeps none), validated as AWS
/// validates them, and each enabled one run by an <see cref="SqsPoller"/>. A mapping answers
/// Creating / Updating / Deleting to the call that changed it; disabling and deleting wait for the
/// poll in progress and the batches in flight before the mapping reports Disabled or is gone.
/// </summary>
internal sealed class EventSourceMappingRegistry(
    FunctionRegistry functions, ILambdaInvoker lambda, SqsQueueClient sqs, LocalCloudOptions options, ActivitySource? tracing) : IAsyncDisposable
{
    private const int MaxStandardBatchWithoutWindow = 10;
    private const int MaxFifoBatch = 10;

    private readonly object _gate = new();
    private readonly List<EventSourceMappingEntry> _entries = [];
    private readonly HashSet<SqsPoller> _pollers = [];
    private readonly List<Task> _draining = [];
    private bool _disposed;

    public async Task<EventSourceMapping> CreateAsync(EventSourceMappingSettings settings, CancellationToken cancellationToken)
    {
        var sourceArn = settings.EventSourceArn ?? throw EventSourceMappingErrors.EventSourceRequired();
        if (sourceArn.Split(':') is not ["arn", _, "sqs", _, _, { Length: > 0 }])
            throw EventSourceMappingErrors.UnsupportedSource(sourceArn);
        var (function, functionArn) = ResolveFunction(settings.FunctionName!);
        var queue = await sqs.FindAsync(sourceArn, cancellationToken).ConfigureAwait(false) ?? throw EventSourceMappingErrors.QueueNotFound();

        var uuid = Guid.NewGuid().ToString();
        var mapping = Apply(new EventSourceMapping
        {
            Uuid = uuid,
            EventSourceArn = sourceArn,
            FunctionArn = functionArn,
            LastModified = DateTimeOffset.UtcNow,
            State = EventSourceMappingStates.Creating,
            Tags = settings.Tags ?? new Dictionary<string, string>(),
        }, settings, functionArn);
        Validate(mapping, queue, function.Definition.TimeoutSeconds);

        lock (_gate)
        {
            if (_disposed)
                throw EventSourceMappingErrors.StoppedCloud();
            ThrowIfConflict(mapping);
            var entry = new EventSourceMappingEntry(mapping, queue);
            _entries.Add(entry);
            Enable(entry, mapping);
        }
        // The mapping is running (or disabled) by now; the call itself reports Creating, as AWS's does.
        return mapping;
    }

    public EventSourceMapping Get(string uuid) => Find(uuid).Mapping;

    /// <param name="functionName">A function name or ARN; null = every function.</param>
    public IReadOnlyList<EventSourceMapping> List(string? eventSourceArn, string? functionName)
    {
        var name = functionName is null ? null : FunctionName.Parse(functionName).Name;
        lock (_gate)
        {
            return [.. _entries.Select(e => e.Mapping).Where(m =>
                (eventSourceArn is null || m.EventSourceArn == eventSourceArn)
                && (name is null || FunctionName.Parse(m.FunctionArn).Name == name))];
        }
    }

    public async Task<EventSourceMapping> UpdateAsync(string uuid, EventSourceMappingSettings settings, CancellationToken cancellationToken)
    {
        var entry = Find(uuid);
        var current = entry.Mapping;
        if (current.State == EventSourceMappingStates.Deleting)
            throw EventSourceMappingErrors.Deleting(uuid);
        var (function, functionArn) = ResolveFunction(settings.FunctionName ?? current.FunctionArn);
        // The queue's visibility timeout may have changed since the mapping was made.
        var queue = await sqs.FindAsync(current.EventSourceArn, cancellationToken).ConfigureAwait(false) ?? throw EventSourceMappingErrors.QueueNotFound();
        var updated = Apply(current, settings, functionArn) with { LastModified = DateTimeOffset.UtcNow };
        Validate(updated, queue, function.Definition.TimeoutSeconds);

        lock (_gate)
        {
            if (_disposed)
                throw EventSourceMappingErrors.StoppedCloud();
            if (entry.Mapping.State == EventSourceMappingStates.Deleting)
                throw EventSourceMappingErrors.Deleting(uuid);
            if (updated.FunctionArn != current.FunctionArn)
                ThrowIfConflict(updated);
            entry.Queue = queue;
            if (updated.Enabled)
                Enable(entry, updated);
            else
                Disable(entry, updated);
        }
        return updated with { State = EventSourceMappingStates.Updating };
    }

    public EventSourceMapping Delete(string uuid)
    {
        lock (_gate)
        {
            var entry = Find(uuid);
            if (entry.Mapping.State == EventSourceMappingStates.Deleting)
                return entry.Mapping;
            if (_disposed)
                throw EventSourceMappingErrors.StoppedCloud();
            var deleting = entry.Mapping with { State = EventSourceMappingStates.Deleting, LastModified = DateTimeOffset.UtcNow };
            entry.Mapping = deleting;
            StopPoller(entry, () => _entries.Remove(entry));
            return deleting;
        }
    }

    private EventSourceMappingEntry Find(string uuid)
    {
        lock (_gate)
            return _entries.Find(e => string.Equals(e.Mapping.Uuid, uuid, StringComparison.OrdinalIgnoreCase)) ?? throw EventSourceMappingErrors.NotFound();
    }

    /// <summary>The function a reference names (404 if none) and the FunctionArn AWS reports for it.</summary>
    private (RegisteredFunction Function, string Arn) ResolveFunction(string reference)
    {
        var name = FunctionName.Parse(reference);
        var function = functions.Get(reference);
        var arn = function.Definition.Arn;
        return (function, name.Qualifier is { } qualifier ? $"{arn}:{qualifier}" : arn);
    }

    private static EventSourceMapping Apply(EventSourceMapping mapping, EventSourceMappingSettings settings, string functionArn) => mapping with
    {
        FunctionArn = functionArn,
        Enabled = settings.Enabled ?? mapping.Enabled,
        BatchSize = settings.BatchSize ?? mapping.BatchSize,
        MaximumBatchingWindowInSeconds = settings.MaximumBatchingWindowInSeconds ?? mapping.MaximumBatchingWindowInSeconds,
        FunctionResponseTypes = settings.FunctionResponseTypes ?? mapping.FunctionResponseTypes,
        MaximumConcurrency = settings.ScalingConfigGiven ? settings.MaximumConcurrency : mapping.MaximumConcurrency,
        FilterPatterns = settings.FilterPatterns ?? mapping.FilterPatterns,
        Filter = settings.FilterPatterns is { } patterns ? SqsRecordFilter.Create(patterns) : mapping.Filter,
    };

    private static void Validate(EventSourceMapping mapping, SqsQueue queue, int functionTimeoutSeconds)
    {
        if (queue.IsFifo)
        {
            if (mapping.BatchSize > MaxFifoBatch)
                throw EventSourceMappingErrors.FifoBatchSize();
            if (mapping.MaximumBatchingWindowInSeconds > 0)
                throw EventSourceMappingErrors.FifoBatchWindow();
        }
        else if (mapping.BatchSize > MaxStandardBatchWithoutWindow && mapping.MaximumBatchingWindowInSeconds < 1)
        {
            throw EventSourceMappingErrors.BatchWindowRequired();
        }
        // A batch must be able to finish before its messages become visible to another poller.
        if (queue.VisibilityTimeoutSeconds < functionTimeoutSeconds)
            throw EventSourceMappingErrors.VisibilityTimeoutTooShort(queue.VisibilityTimeoutSeconds, functionTimeoutSeconds);
    }

    private void ThrowIfConflict(EventSourceMapping mapping)
    {
        var functionName = FunctionName.Parse(mapping.FunctionArn).Name;
        var existing = _entries.Select(e => e.Mapping).FirstOrDefault(m =>
            m.Uuid != mapping.Uuid && m.EventSourceArn == mapping.EventSourceArn && FunctionName.Parse(m.FunctionArn).Name == functionName);
        if (existing is not null)
            throw EventSourceMappingErrors.Conflict(mapping.EventSourceArn, functionName, existing.Uuid);
    }

    // Under _gate.
    private void Enable(EventSourceMappingEntry entry, EventSourceMapping mapping)
    {
        if (!mapping.Enabled)
        {
            Disable(entry, mapping);
            return;
        }
        entry.Mapping = mapping with { State = EventSourceMappingStates.Enabled };
        if (entry.Poller is null)
        {
            var poller = new SqsPoller(() => entry.Mapping, entry.Queue, sqs, lambda, options, tracing);
            entry.Poller = poller;
            _pollers.Add(poller);
            poller.Start();
        }
    }

    // Under _gate.
    private void Disable(EventSourceMappingEntry entry, EventSourceMapping mapping)
    {
        if (entry.Poller is null)
        {
            // Already stopped, or still stopping from an earlier disable.
            var state = entry.Mapping.State == EventSourceMappingStates.Disabling ? EventSourceMappingStates.Disabling : EventSourceMappingStates.Disabled;
            entry.Mapping = mapping with { State = state };
            return;
        }
        entry.Mapping = mapping with { State = EventSourceMappingStates.Disabling };
        StopPoller(entry, () =>
        {
            if (entry.Mapping.State == EventSourceMappingStates.Disabling)
                entry.Mapping = entry.Mapping with { State = EventSourceMappingStates.Disabled };
        });
    }

    /// <summary>Stops the entry's poller in the background, then runs <paramref name="stopped"/> under the lock.</summary>
    // Under _gate.
    private void StopPoller(EventSourceMappingEntry entry, Action stopped)
    {
        var poller = entry.Poller;
        entry.Poller = null;
        _draining.RemoveAll(t => t.IsCompleted);
        _draining.Add(DrainAsync(poller, stopped));
    }

    private async Task DrainAsync(SqsPoller? poller, Action stopped)
    {
        if (poller is not null)
            await poller.StopAsync().ConfigureAwait(false);
        lock (_gate)
        {
            if (poller is not null)
                _pollers.Remove(poller);
            stopped();
        }
    }

    /// <summary>Stops every poller at once (receives cancelled; batches in flight finish and are deleted whole).</summary>
    public async ValueTask DisposeAsync()
    {
        SqsPoller[] pollers;
        Task[] draining;
        lock (_gate)
        {
            _disposed = true;
            pollers = [.. _pollers];
            foreach (var entry in _entries)
                entry.Poller = null;
        }
        await Task.WhenAll(pollers.Select(p => p.AbortAsync())).ConfigureAwait(false);
        lock (_gate)
            draining = [.. _draining];
        await Task.WhenAll(draining).ConfigureAwait(false);
    }
}
