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

    /// <summary>Waits until everything written so far is in CloudWatch Logs.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite(("", "", [], flushed)))
            return; // stopped: everything was written on the way down
        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PumpAsync()
    {
        await foreach (var (group, stream, events, flushed) in _pending.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (flushed is not null)
            {
                flushed.TrySetResult();
                continue;
            }
            try
            {
                await EnsureStreamAsync(group, stream).ConfigureAwait(false);
                await _moto.CallJsonAsync("logs", "Logs_20140328.PutLogEvents", new
                {
                    logGroupName = group,
                    logStreamName = stream,
                    logEvents = events.OrderBy(e => e.Timestamp).Select(e => new { timestamp = e.Timestamp, message = e.Message }),
                }, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is MotoCallException or HttpRequestException)
            {
                _log?.WriteLine($"Could not write {events.Count} log events to {group}/{stream}: {exception.Message}");
            }
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
