using System.Diagnostics;
using Patterns.LocalCloud.Edge;
using Patterns.LocalCloud.Lambda;
using Patterns.LocalCloud.Lambda.EventSourceMappings;
using Patterns.LocalCloud.Lambda.Execution;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Triggers.Sqs;

/// <summary>
/// The pollers of one SQS event source mapping. One poller long-polls while the queue is idle; when
/// receives come back full (a deep queue) it brings up to <see cref="InitialBurst"/> concurrent
/// batches at once, as AWS starts with five, then one more per full batch, up to the mapping's
/// ScalingConfig.MaximumConcurrency and the local cloud's instances per function. Extra pollers
/// stop when the queue runs dry. Each batch: gather up to BatchSize messages within the batching
/// window, invoke the function synchronously, delete what succeeded; failed messages stay in the
/// queue and come back after its visibility timeout (moto moves them to the DLQ after maxReceiveCount).
/// The pollers of a queue take turns to receive (see <see cref="SqsQueueClient"/>); their batches run concurrently.
/// </summary>
internal sealed class SqsPoller
{
    /// <summary>How many batches AWS's SQS pollers start with once messages are waiting.</summary>
    public const int InitialBurst = 5;

    // An extra poller's receive waits this long before it decides the queue is dry.
    private const int ExtraPollerWaitSeconds = 1;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly Func<EventSourceMapping> _mapping;
    private readonly SqsQueue _queue;
    private readonly SqsQueueClient _sqs;
    private readonly ILambdaInvoker _lambda;
    private readonly LocalCloudOptions _options;
    private readonly ActivitySource? _tracing;
    // Stopping: no new receive starts; the receive and the batches in progress finish.
    private readonly CancellationTokenSource _stopping = new();
    // Aborting (the local cloud stops): receives in progress are cancelled too.
    private readonly CancellationTokenSource _aborting = new();
    private readonly List<Task> _pollers = [];
    private int _running;

    /// <param name="mapping">The mapping's current configuration; read before each batch, so updates apply to the next one.</param>
    public SqsPoller(Func<EventSourceMapping> mapping, SqsQueue queue, SqsQueueClient sqs, ILambdaInvoker lambda, LocalCloudOptions options, ActivitySource? tracing)
    {
        _mapping = mapping;
        _queue = queue;
        _sqs = sqs;
        _lambda = lambda;
        _options = options;
        _tracing = tracing;
    }

    /// <summary>How many pollers (concurrent batches) run now.</summary>
    public int Concurrency => Volatile.Read(ref _running);

    public void Start() => AddPoller(primary: true);

    /// <summary>Stops polling: waits for the receive in progress (at most the poll wait time) and the batches in flight.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await WhenPollersEndAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Stops at once (the local cloud is stopping): receives are cancelled; batches in flight finish
    /// (up to the function's timeout) and are deleted whole, so no message is lost or half-processed.
    /// </summary>
    public async Task AbortAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _aborting.CancelAsync().ConfigureAwait(false);
        await WhenPollersEndAsync().ConfigureAwait(false);
    }

    private async Task WhenPollersEndAsync()
    {
        while (true)
        {
            Task[] pollers;
            lock (_pollers)
                pollers = [.. _pollers.Where(p => !p.IsCompleted)];
            if (pollers.Length == 0)
                return;
            await Task.WhenAll(pollers).ConfigureAwait(false);
        }
    }

    private void AddPoller(bool primary)
    {
        lock (_pollers)
        {
            if (_stopping.IsCancellationRequested)
                return;
            _pollers.RemoveAll(p => p.IsCompleted);
            Interlocked.Increment(ref _running);
            // Pollers run on their own: not under the request (and its activity) that created the mapping.
            using (ExecutionContext.SuppressFlow())
                _pollers.Add(Task.Run(() => PollAsync(primary)));
        }
    }

    /// <summary>Called when the queue looks deep: start the initial burst, then one more poller per full batch.</summary>
    private void ScaleUp(EventSourceMapping mapping)
    {
        var limit = Math.Min(_options.MaxInstancesPerFunction, mapping.MaximumConcurrency ?? int.MaxValue);
        var running = Concurrency;
        var wanted = running < InitialBurst ? Math.Min(InitialBurst, limit) : Math.Min(running + 1, limit);
        for (var i = running; i < wanted; i++)
            AddPoller(primary: false);
    }

    private async Task PollAsync(bool primary)
    {
        List<SqsMessage> carried = [];
        var backoff = TimeSpan.Zero;
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var mapping = _mapping();
                try
                {
                    var (batch, leftover, deep) = await GatherAsync(mapping, carried, primary).ConfigureAwait(false);
                    carried = leftover;
                    if (batch.Count == 0)
                    {
                        if (!primary)
                            return;
                        continue;
                    }
                    if (deep)
                        ScaleUp(mapping);
                    backoff = await ProcessAsync(mapping, batch).ConfigureAwait(false) ? TimeSpan.Zero : NextBackoff(backoff);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    // The queue was deleted, moto refused or answered something unexpected: say so and
                    // keep the mapping alive, as AWS's pollers keep retrying a broken source.
                    backoff = NextBackoff(backoff);
                    _options.Log?.WriteLine($"SQS event source mapping {mapping.Uuid}: polling {_queue.Arn} failed ({exception.GetType().Name}: {exception.Message}); trying again in {backoff.TotalSeconds:0.#} s.");
                }
                if (backoff > TimeSpan.Zero)
                    await Task.Delay(backoff, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped while waiting: the receive or the back-off was cut short, nothing was taken.
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            await ReleaseAsync(carried).ConfigureAwait(false);
        }
    }

    private static TimeSpan NextBackoff(TimeSpan current) =>
        current == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(current.Ticks * 2, MaxBackoff.Ticks));

    /// <summary>
    /// Receives until the batch holds BatchSize messages, the batching window (counted from the
    /// first message) has passed or the 6 MB payload limit is near. Window 0 = invoke with the first
    /// receive's messages.
    /// </summary>
    /// <returns>The batch; messages received past the payload limit, kept for the next batch; whether the queue looks deep.</returns>
    private async Task<(List<SqsMessage> Batch, List<SqsMessage> Leftover, bool Deep)> GatherAsync(EventSourceMapping mapping, List<SqsMessage> carried, bool primary)
    {
        var batch = new List<SqsMessage>();
        var leftover = new List<SqsMessage>();
        var size = 0;
        var deep = false;
        void Add(IEnumerable<SqsMessage> messages)
        {
            foreach (var message in messages)
            {
                var messageSize = SqsEvent.EstimatedSize(message);
                if (leftover.Count > 0 || (batch.Count > 0 && size + messageSize > SqsEvent.PayloadLimit))
                {
                    leftover.Add(message);
                    continue;
                }
                batch.Add(message);
                size += messageSize;
            }
        }
        Add(carried);

        var window = _queue.IsFifo ? TimeSpan.Zero : TimeSpan.FromSeconds(mapping.MaximumBatchingWindowInSeconds);
        var windowEnds = batch.Count > 0 ? DateTime.UtcNow + window : (DateTime?)null;
        while (batch.Count < mapping.BatchSize && leftover.Count == 0)
        {
            int wait;
            if (windowEnds is { } end)
            {
                var remaining = end - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero)
                    break;
                wait = (int)Math.Ceiling(remaining.TotalSeconds);
            }
            else
            {
                wait = primary ? Math.Clamp((int)Math.Ceiling(_options.SqsPollWaitTime.TotalSeconds), 1, 20) : ExtraPollerWaitSeconds;
            }
            if (_stopping.IsCancellationRequested)
                break;
            var wanted = Math.Min(10, mapping.BatchSize - batch.Count);
            var received = await _sqs.ReceiveAsync(_queue, wanted, wait, _aborting.Token).ConfigureAwait(false);
            deep |= received.Count == wanted;
            Add(received);
            if (batch.Count == 0)
                break;
            windowEnds ??= DateTime.UtcNow + window;
            if (window == TimeSpan.Zero)
                break;
        }
        return (batch, leftover, deep || leftover.Count > 0);
    }

    /// <summary>
    /// Drops the messages the mapping's filter rejects (deleting them, as Lambda does), invokes the
    /// function with the rest and deletes the messages it processed.
    /// </summary>
    /// <returns>False when Lambda refused the invocation (throttled, function gone): the poller backs off.</returns>
    private async Task<bool> ProcessAsync(EventSourceMapping mapping, List<SqsMessage> received)
    {
        var batch = received;
        if (mapping.Filter is { } filter)
        {
            batch = [.. received.Where(m => filter.Matches(m, _queue.Arn, _options.Region))];
            var dropped = received.Except(batch).ToList();
            if (dropped.Count > 0)
            {
                foreach (var line in await _sqs.DeleteAsync(_queue, dropped, CancellationToken.None).ConfigureAwait(false))
                    _options.Log?.WriteLine($"SQS event source mapping {mapping.Uuid}: filtered-out message {line} could not be deleted from {_queue.Name} and will be received again.");
            }
            if (batch.Count == 0)
                return true;
        }

        using var span = SqsBatchSpan.Start(_tracing, _queue, batch, _options.Region);
        var request = new InvocationRequest(mapping.FunctionArn, SqsEvent.Serialize(batch, _queue.Arn, _options.Region))
        {
            // Without telemetry the function still continues the first message's trace.
            TraceHeader = span is null ? batch[0].TraceHeader : TraceContext.ToXRay(span),
        };

        InvocationResult result;
        try
        {
            result = await _lambda.InvokeAsync(request, _aborting.Token).ConfigureAwait(false);
        }
        catch (AwsServiceException exception)
        {
            span?.SetStatus(ActivityStatusCode.Error, exception.ErrorCode);
            _options.Log?.WriteLine($"SQS event source mapping {mapping.Uuid}: Lambda refused to invoke {mapping.FunctionArn} with {batch.Count} message(s) from {_queue.Name} ({exception.ErrorCode}: {exception.Message}); they return to the queue after its visibility timeout.");
            return false;
        }
        catch (OperationCanceledException) when (_aborting.IsCancellationRequested)
        {
            return true; // never invoked: the messages come back after the visibility timeout
        }

        var failed = FailedMessages(mapping, batch, result);
        if (failed.Count > 0)
            span?.SetStatus(ActivityStatusCode.Error, result.FunctionError is null ? $"{failed.Count} of {batch.Count} messages failed" : "Unhandled");

        var processed = batch.Where(m => !failed.Contains(m.MessageId)).ToList();
        if (processed.Count > 0)
        {
            // Not cancelled by a stop: a batch is deleted whole or not at all.
            var refused = await _sqs.DeleteAsync(_queue, processed, CancellationToken.None).ConfigureAwait(false);
            foreach (var line in refused)
                _options.Log?.WriteLine($"SQS event source mapping {mapping.Uuid}: processed message {line} could not be deleted from {_queue.Name} and will be delivered again.");
        }
        return true;
    }

    private IReadOnlySet<string> FailedMessages(EventSourceMapping mapping, List<SqsMessage> batch, InvocationResult result)
    {
        if (result.FunctionError is not null)
            return batch.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        if (!mapping.ReportsBatchItemFailures)
            return new HashSet<string>();
        var failures = BatchItemFailures.Read(result.Payload, [.. batch.Select(m => m.MessageId)]);
        if (failures.Problem is { } problem)
            _options.Log?.WriteLine($"SQS event source mapping {mapping.Uuid}: {mapping.FunctionArn}'s partial batch response fails the whole batch of {batch.Count}: {problem}.");
        return failures.FailedMessageIds;
    }

    /// <summary>Messages received but never handed to the function go back to the queue at once.</summary>
    private async Task ReleaseAsync(List<SqsMessage> messages)
    {
        if (messages.Count == 0)
            return;
        try
        {
            await _sqs.ReleaseAsync(_queue, messages, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MotoCallException or HttpRequestException)
        {
            _options.Log?.WriteLine($"SQS event source mapping poller for {_queue.Name}: {messages.Count} received message(s) could not be made visible again ({exception.Message}); they return after the queue's visibility timeout.");
        }
    }
}
