using System.Collections.Concurrent;
using System.Threading.Channels;
using Patterns.LocalCloud.Moto;

namespace Patterns.LocalCloud.Lambda.Logs;

/// <summary>
/// Writes function logs to CloudWatch Logs in moto, off the invocation path: groups and streams
/// are created on first use, events are sent in order per stream in batches.
/// </summary>
internal sealed class CloudWatchLogWriter : IAsyncDisposable
{
    // A batch with Flushed set carries no events: it completes once everything before it is written.
    private readonly Channel<(string Group, string Stream, IReadOnlyList<LogEvent> Events, TaskCompletionSource? Flushed)> _pending =
        Channel.CreateUnbounded<(string, string, IReadOnlyList<LogEvent>, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });
    // Well under PutLogEvents' limits of 10,000 events and 1 MB per call for lines of ordinary length.
    private const int MaxEventsPerCall = 1000;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);

    // Invocations whose log waits for the runtime's end markers (they come after the result).
    private readonly ConcurrentDictionary<Task, byte> _finishing = new();
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);
    private readonly MotoClient _moto;
    private readonly TextWriter? _log;
    private readonly Task _pump;

    public CloudWatchLogWriter(MotoClient moto, TextWriter? log)
    {
        _moto = moto;
        _log = log;
        _pump = Task.Run(PumpAsync);
    }

    public void Write(string group, string stream, IReadOnlyList<LogEvent> events)
    {
        if (events.Count > 0)
            _pending.Writer.TryWrite((group, stream, events, null));
    }

    /// <summary>
    /// Records an invocation's log still being finished off the invocation's path, so that a
    /// flush also waits for the invocations that have already answered.
    /// </summary>
    public void Track(Task finishing)
    {
        _finishing[finishing] = 0;
        finishing.ContinueWith(done => _finishing.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits until the log of every invocation that has answered so far is in CloudWatch Logs.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_finishing.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite(("", "", [], flushed)))
            return; // stopped: everything was written on the way down
        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Under load many invocations finish between two sends: everything waiting is drained and sent
    // as one PutLogEvents per stream, so moto sees a few calls rather than one per invocation.
    private async Task PumpAsync()
    {
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // Gather what arrives in a short window (as AWS's own log agent does) so that a busy
            // function costs moto a call per interval rather than one per invocation.
            await Task.WhenAny(Task.Delay(BatchWindow), reader.Completion).ConfigureAwait(false);
            var batches = new Dictionary<(string Group, string Stream), List<LogEvent>>();
            var flushes = new List<TaskCompletionSource>();
            while (reader.TryRead(out var item))
            {
                if (item.Flushed is not null)
                {
                    flushes.Add(item.Flushed);
                    continue;
                }
                if (!batches.TryGetValue((item.Group, item.Stream), out var events))
                    batches[(item.Group, item.Stream)] = events = [];
                events.AddRange(item.Events);
            }
            foreach (var ((group, stream), events) in batches)
                await SendAsync(group, stream, events).ConfigureAwait(false);
            foreach (var flushed in flushes)
                flushed.TrySetResult();
        }
    }

    private async Task SendAsync(string group, string stream, List<LogEvent> events)
    {
        try
        {
            await EnsureStreamAsync(group, stream).ConfigureAwait(false);
            // Stable sort: lines of one millisecond keep the order they were written in.
            foreach (var chunk in events.OrderBy(e => e.Timestamp).Chunk(MaxEventsPerCall))
            {
                await _moto.CallJsonAsync("logs", "Logs_20140328.PutLogEvents", new
                {
                    logGroupName = group,
                    logStreamName = stream,
                    logEvents = chunk.Select(e => new { timestamp = e.Timestamp, message = e.Message }),
                }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is MotoCallException or HttpRequestException)
        {
            _log?.WriteLine($"Could not write {events.Count} log events to {group}/{stream}: {exception.Message}");
        }
    }

    private async Task EnsureStreamAsync(string group, string stream)
    {
        if (_created.Add(group))
            await CreateAsync("Logs_20140328.CreateLogGroup", new { logGroupName = group }).ConfigureAwait(false);
        if (_created.Add(group + "\n" + stream))
            await CreateAsync("Logs_20140328.CreateLogStream", new { logGroupName = group, logStreamName = stream }).ConfigureAwait(false);
    }

    private async Task CreateAsync(string target, object body)
    {
        try
        {
            await _moto.CallJsonAsync("logs", target, body, CancellationToken.None).ConfigureAwait(false);
        }
        catch (MotoCallException exception) when (exception.IsErrorCode("ResourceAlreadyExistsException"))
        {
            // Created by an earlier run or by the user: exactly what we need.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }
}
