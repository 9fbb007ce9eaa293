using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Patterns.LocalCloud.Lambda.Functions;
using Patterns.LocalCloud.Lambda.Logs;

namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>
/// One execution environment: a process running the function's <c>bootstrap</c> against its own
/// Runtime API, one invocation at a time. Started by its first invocation (a cold start), kept
/// warm, and lost when it crashes, times out or fails to initialise.
/// </summary>
internal sealed class FunctionInstance : IRuntimeApiHandler, IAsyncDisposable
{
    private static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TailWait = TimeSpan.FromSeconds(2);

    private readonly FunctionDefinition _function;
    private readonly InstanceSettings _settings;
    // The hand-over between invoke and poll: whichever comes second delivers, on its own thread.
    private readonly Lock _handOver = new();
    private PendingInvocation? _queued;
    private IInvocationReceiver? _poller;
    private bool _closed;
    // Null once the runtime first polls /next (initialised), the error JSON if it could not initialise.
    private readonly TaskCompletionSource<ReadOnlyMemory<byte>?> _initialised = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _readers = [];
    private Process? _process;
    private RuntimeApiServer? _api;
    private long _startTimestamp;
    private double? _initDurationMs;
    private volatile PendingInvocation? _current;
    private volatile InvocationLog? _currentLog;
    private volatile bool _lost;

    public FunctionInstance(FunctionDefinition function, InstanceSettings settings)
    {
        _function = function;
        _settings = settings;
        Id = Guid.NewGuid().ToString("N");
        LogStreamName = $"{DateTime.UtcNow:yyyy'/'MM'/'dd}/[$LATEST]{Id}";
    }

    public string Id { get; }

    public string LogStreamName { get; }

    /// <summary>The configuration revision this instance runs; an update retires older instances.</summary>
    public string RevisionId => _function.RevisionId;

    public bool IsLost => _lost;

    public bool IsStarted => _process is not null;

    public int? ProcessId => _process?.Id;

    string IRuntimeApiHandler.FunctionArn => _function.Arn;

    int IRuntimeApiHandler.TimeoutSeconds => _function.TimeoutSeconds;

    public async Task<InstanceInvocation> InvokeAsync(PendingInvocation invocation, bool tailLog)
    {
        var coldStart = !IsStarted;
        if (coldStart)
            await StartAsync().ConfigureAwait(false);

        var log = new InvocationLog(invocation.RequestId, "$LATEST");
        _currentLog?.Close();
        _currentLog = log;
        _current = invocation;

        var outcome = await InitialiseAsync(invocation.RequestId).ConfigureAwait(false)
            ?? await RunAsync(invocation, log).ConfigureAwait(false);

        var durationMs = invocation.DeliveredTimestamp == 0 ? 0 : Stopwatch.GetElapsedTime(invocation.DeliveredTimestamp).TotalMilliseconds;
        var initDurationMs = coldStart ? _initDurationMs : null;
        if (outcome.InstanceLost)
            log.Close();

        // The REPORT line (and its memory reading) is finished off the invocation's path unless the caller waits for the log.
        if (!tailLog)
        {
            _settings.Logs.Track(FinishLogAsync(log, durationMs, initDurationMs, TimeSpan.FromSeconds(30)));
            return new InstanceInvocation(outcome, null);
        }
        var events = await FinishLogAsync(log, durationMs, initDurationMs, TailWait).ConfigureAwait(false);
        return new InstanceInvocation(outcome, InvocationLog.Tail(events));
    }

    /// <summary>Null when the runtime is ready; else the outcome that fails the invocation.</summary>
    private async Task<RuntimeOutcome?> InitialiseAsync(string requestId)
    {
        ReadOnlyMemory<byte>? initError;
        try
        {
            initError = await _initialised.Task.WaitAsync(InitTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await LoseAsync().ConfigureAwait(false);
            return RuntimeOutcome.Fatal("Runtime.InitTimeout", $"RequestId: {requestId} Error: the runtime did not poll for an invocation within {InitTimeout.TotalSeconds:0} seconds of starting.");
        }
        if (initError is not { } error)
            return null;
        await LoseAsync().ConfigureAwait(false);
        return new RuntimeOutcome(error, IsError: true, InstanceLost: true);
    }

    private async Task<RuntimeOutcome> RunAsync(PendingInvocation invocation, InvocationLog log)
    {
        IInvocationReceiver? poller;
        lock (_handOver)
        {
            if (_closed || _queued is not null)
                return RuntimeOutcome.Fatal("Runtime.ExitError", LambdaErrors.RuntimeExited(invocation.RequestId, null));
            poller = _poller;
            _poller = null;
            if (poller is null)
                _queued = invocation;
        }
        // A runtime that lost its connection meanwhile is an exit in the making; its timeout or exit ends the invocation.
        poller?.Deliver(invocation);
        try
        {
            // The runtime is already polling /next once initialised, so delivery is immediate and
            // the timeout counts from now.
            return await invocation.Outcome.WaitAsync(TimeSpan.FromSeconds(_function.TimeoutSeconds)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var message = LambdaErrors.TimedOut(invocation.RequestId, _function.TimeoutSeconds);
            log.Add(LogEvent.Now($"{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {invocation.RequestId} Task timed out after {_function.TimeoutSeconds:0.00} seconds"));
            var outcome = RuntimeOutcome.Fatal("Sandbox.Timedout", message);
            invocation.TryComplete(outcome);
            await LoseAsync().ConfigureAwait(false);
            return outcome;
        }
    }

    private async Task<IReadOnlyList<LogEvent>> FinishLogAsync(InvocationLog log, double durationMs, double? initDurationMs, TimeSpan wait)
    {
        try
        {
            await log.Completion.WaitAsync(wait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A runtime that writes no end marker: take what has arrived so far.
        }
        // Read after the wait, so that reading /proc is not on the invocation's path. It is the
        // process's high-water mark, which only grows, as AWS's figure does on a warm instance.
        var report = new InvocationReport(durationMs, _function.MemorySizeMb, MaxMemoryUsedMb(), initDurationMs);
        var events = log.Finish(report);
        _settings.Logs.Write(_function.LogGroupName, LogStreamName, events);
        return events;
    }

    private async Task StartAsync()
    {
        _api = RuntimeApiServer.Start(this, _function.Name);
        var bootstrap = Path.Combine(_function.Code.Directory, "bootstrap");
        var startInfo = new ProcessStartInfo(bootstrap)
        {
            WorkingDirectory = _function.Code.Directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        startInfo.Environment.Clear();
        foreach (var (name, value) in Environment())
            startInfo.Environment[name] = value;

        _startTimestamp = Stopwatch.GetTimestamp();
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.Exited += (_, _) => OnExited(process);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            _initialised.TrySetResult(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
            {
                ["errorType"] = "Runtime.InvalidEntrypoint",
                ["errorMessage"] = $"Could not start {bootstrap}: {exception.Message}. The code directory must hold an executable named bootstrap.",
            }));
            _lost = true;
            return;
        }
        _process = process;
        _readers.Add(ReadOutputAsync(process.StandardOutput));
        _readers.Add(ReadOutputAsync(process.StandardError));
        _settings.Log?.WriteLine($"{_function.Name}: started instance {Id[..8]} (pid {process.Id})");
    }

    private IEnumerable<KeyValuePair<string, string>> Environment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var inherited in new[] { "PATH", "HOME", "TMPDIR", "DOTNET_ROOT" })
        {
            if (System.Environment.GetEnvironmentVariable(inherited) is { } value)
                environment[inherited] = value;
        }
        // A framework-dependent bootstrap finds the runtime this host runs on.
        environment.TryAdd("DOTNET_ROOT", Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..")));
        foreach (var (name, value) in _settings.BaseEnvironment)
            environment[name] = value;
        foreach (var (name, value) in _settings.InstanceEnvironment?.Invoke(_function.Name, LogStreamName) ?? new Dictionary<string, string>())
            environment[name] = value;
        foreach (var (name, value) in _function.Environment)
            environment[name] = value;

        // The reserved variables AWS sets; a function cannot override them.
        environment["AWS_LAMBDA_RUNTIME_API"] = _api!.Address;
        environment["_HANDLER"] = _function.Handler;
        environment["AWS_LAMBDA_FUNCTION_NAME"] = _function.Name;
        environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = _function.MemorySizeMb.ToString(CultureInfo.InvariantCulture);
        environment["AWS_LAMBDA_LOG_GROUP_NAME"] = _function.LogGroupName;
        environment["AWS_LAMBDA_LOG_STREAM_NAME"] = LogStreamName;
        environment["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        environment["AWS_REGION"] = _settings.Region;
        environment["AWS_DEFAULT_REGION"] = _settings.Region;
        environment["LAMBDA_TASK_ROOT"] = _function.Code.Directory;
        environment["LAMBDA_RUNTIME_DIR"] = _function.Code.Directory;
        environment["TZ"] = ":UTC";
        environment.TryAdd("AWS_ACCESS_KEY_ID", "test");
        environment.TryAdd("AWS_SECRET_ACCESS_KEY", "test");
        environment.TryAdd("AWS_SESSION_TOKEN", "test");
        environment.TryAdd("AWS_ENDPOINT_URL", _settings.EdgeUrl);
        environment["LOCALCLOUD_LOG_MARKER"] = _settings.LogMarker;
        return environment;
    }

    private async Task ReadOutputAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            // A handler's last write without a newline puts the marker at the end of its line.
            var markerAt = line.IndexOf(_settings.LogMarker, StringComparison.Ordinal);
            if (markerAt >= 0)
            {
                var log = _currentLog;
                if (markerAt > 0)
                    Capture(line[..markerAt]);
                if (log is not null && line.AsSpan(markerAt + _settings.LogMarker.Length).SequenceEqual(log.RequestId))
                    log.MarkerSeen();
                continue;
            }
            Capture(line);
        }
    }

    // A line belongs to the invocation in progress; output between invocations goes to the stream as is.
    private void Capture(string line)
    {
        _settings.Output?.Invoke(_function.Name, line);
        var current = _currentLog;
        if (current is not null && !current.Completion.IsCompleted)
            current.Add(LogEvent.Now(line));
        else
            _settings.Logs.Write(_function.LogGroupName, LogStreamName, [LogEvent.Now(line)]);
    }

    private void OnExited(Process process)
    {
        _lost = true;
        int? exitCode = process.HasExited ? process.ExitCode : null;
        var current = _current;
        var requestId = current?.RequestId ?? "-";
        var crash = RuntimeOutcome.Fatal("Runtime.ExitError", LambdaErrors.RuntimeExited(requestId, exitCode));
        _initialised.TrySetResult(crash.Payload);
        if (current is not null && current.TryComplete(crash))
            _currentLog?.Add(LogEvent.Now($"{LambdaErrors.RuntimeExited(requestId, exitCode)}\nRuntime.ExitError"));
        CloseHandOver();
        // Let the readers drain what the process wrote before it died, then close its log.
        _ = Task.WhenAll(_readers).ContinueWith(_ => _currentLog?.Close(), TaskScheduler.Default);
    }

    void IRuntimeApiHandler.Poll(IInvocationReceiver receiver)
    {
        PendingInvocation? queued;
        lock (_handOver)
        {
            if (_closed)
                return;
            queued = _queued;
            _queued = null;
            if (queued is null)
                _poller = receiver;
        }
        if (queued is not null)
            receiver.Deliver(queued);
        // The first poll is the end of the init phase; after the hand-over, so the invoke waiting on it finds the poller.
        if (!_initialised.Task.IsCompleted)
        {
            _initDurationMs = Stopwatch.GetElapsedTime(_startTimestamp).TotalMilliseconds;
            _initialised.TrySetResult(null);
        }
    }

    void IRuntimeApiHandler.Abandon(IInvocationReceiver receiver)
    {
        lock (_handOver)
        {
            if (ReferenceEquals(_poller, receiver))
                _poller = null;
        }
    }

    bool IRuntimeApiHandler.IsCurrent(string requestId) =>
        _current is { } current && current.RequestId == requestId && !current.Outcome.IsCompleted;

    bool IRuntimeApiHandler.Respond(string requestId, ReadOnlyMemory<byte> payload) =>
        _current is { } current && current.RequestId == requestId && current.TryComplete(RuntimeOutcome.Success(payload));

    bool IRuntimeApiHandler.Fail(string requestId, ReadOnlyMemory<byte> errorJson) =>
        _current is { } current && current.RequestId == requestId && current.TryComplete(RuntimeOutcome.FunctionError(errorJson));

    void IRuntimeApiHandler.InitFailed(ReadOnlyMemory<byte> errorJson)
    {
        _lost = true;
        _initialised.TrySetResult(errorJson);
    }

    private int MaxMemoryUsedMb()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                        return (int)(long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024);
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read; report nothing measured.
        }
        return 0;
    }

    private async Task LoseAsync()
    {
        _lost = true;
        await StopProcessAsync().ConfigureAwait(false);
    }

    private void CloseHandOver()
    {
        lock (_handOver)
        {
            _closed = true;
            _queued = null;
            _poller = null;
        }
    }

    private async Task StopProcessAsync()
    {
        CloseHandOver();
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Never started or already reaped: nothing left to stop.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _lost = true;
        await StopProcessAsync().ConfigureAwait(false);
        await Task.WhenAll(_readers).ConfigureAwait(false);
        if (_api is not null)
            await _api.DisposeAsync().ConfigureAwait(false);
        _process?.Dispose();
    }
}
