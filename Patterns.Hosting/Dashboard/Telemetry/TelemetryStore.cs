namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>
/// Everything the dashboard shows that arrives over time: spans (indexed by trace, with the
/// links pointing at each span), log records, metric points and function console lines, each
/// in a ring buffer of bounded size so that a long run keeps the newest and never grows.
/// Thread-safe: receivers add while pages read; readers get copies.
/// </summary>
internal sealed class TelemetryStore
{
    private const int InvocationSampleSize = 1000;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly int _maxConsoleLinesPerFunction;
    private readonly RingBuffer<TelemetrySpan> _spans;
    private readonly Dictionary<string, List<TelemetrySpan>> _traces = new(StringComparer.Ordinal);
    private readonly Dictionary<SpanKey, List<SpanKey>> _linkedFrom = [];
    private readonly RingBuffer<TelemetryLogRecord> _logs;
    private readonly RingBuffer<TelemetryMetricPoint> _metrics;
    private readonly Dictionary<string, InvocationCounter> _invocations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RingBuffer<ConsoleLine>> _console = new(StringComparer.Ordinal);
    private long _consoleSequence;
    private long _version;

    public TelemetryStore(int maxSpans, int maxLogRecords, int maxMetricPoints, int maxConsoleLinesPerFunction, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConsoleLinesPerFunction, 1);
        _spans = new RingBuffer<TelemetrySpan>(maxSpans);
        _logs = new RingBuffer<TelemetryLogRecord>(maxLogRecords);
        _metrics = new RingBuffer<TelemetryMetricPoint>(maxMetricPoints);
        _maxConsoleLinesPerFunction = maxConsoleLinesPerFunction;
        _time = time ?? TimeProvider.System;
    }

    public ServiceColors Colors { get; } = new();

    /// <summary>Changes whenever anything is added: pages use it to tell whether to redraw.</summary>
    public long Version => Interlocked.Read(ref _version);

    public int SpanCount
    {
        get { lock (_lock) return _spans.Count; }
    }

    public int TraceCount
    {
        get { lock (_lock) return _traces.Count; }
    }

    /// <summary>Adds spans; a span already held (an exporter's retry) is not added twice.</summary>
    public void AddSpans(IEnumerable<TelemetrySpan> spans)
    {
        lock (_lock)
        {
            foreach (var span in spans)
                AddSpan(span);
            _version++;
        }
    }

    public void AddLogs(IEnumerable<TelemetryLogRecord> records)
    {
        lock (_lock)
        {
            foreach (var record in records)
                _logs.Add(record, out _);
            _version++;
        }
    }

    public void AddMetrics(IEnumerable<TelemetryMetricPoint> points)
    {
        lock (_lock)
        {
            foreach (var point in points)
                _metrics.Add(point, out _);
            _version++;
        }
    }

    public void AddConsoleLine(string function, string line)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(line);
        lock (_lock)
        {
            if (!_console.TryGetValue(function, out var lines))
                _console.Add(function, lines = new RingBuffer<ConsoleLine>(_maxConsoleLinesPerFunction));
            lines.Add(new ConsoleLine(++_consoleSequence, _time.GetUtcNow(), line), out _);
            _version++;
        }
    }

    /// <summary>The trace's spans in order of start; empty when none is held.</summary>
    public IReadOnlyList<TelemetrySpan> GetTrace(string traceId)
    {
        lock (_lock)
            return _traces.TryGetValue(traceId, out var spans) ? [.. spans.OrderBy(s => s.StartUnixNano)] : [];
    }

    public TelemetrySpan? GetSpan(SpanKey key)
    {
        lock (_lock)
            return _traces.TryGetValue(key.TraceId, out var spans) ? spans.Find(s => s.SpanId == key.SpanId) : null;
    }

    /// <summary>The spans that link to <paramref name="target"/> (e.g. the batch consumers of a message it produced).</summary>
    public IReadOnlyList<SpanKey> GetLinkedFrom(SpanKey target)
    {
        lock (_lock)
            return _linkedFrom.TryGetValue(target, out var sources) ? [.. sources] : [];
    }

    /// <summary>Every trace held, newest first.</summary>
    public IReadOnlyList<TraceSummary> GetTraces(Func<IReadOnlyList<TelemetrySpan>, bool>? filter = null)
    {
        List<List<TelemetrySpan>> traces;
        lock (_lock)
            traces = [.. _traces.Values.Select(spans => new List<TelemetrySpan>(spans))];
        return [.. traces
            .Where(spans => filter is null || filter(spans))
            .Select(TraceSummary.Of)
            .OrderByDescending(t => t.StartUnixNano)];
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<TelemetryLogRecord> GetLogs()
    {
        lock (_lock)
            return _logs.ToList();
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<TelemetryMetricPoint> GetMetrics()
    {
        lock (_lock)
            return _metrics.ToList();
    }

    /// <summary>Every service that sent a span or a log record still held, by name.</summary>
    public IReadOnlyList<string> GetServices()
    {
        lock (_lock)
            return [.. _spans.ToList().Select(s => s.ServiceName).Concat(_logs.ToList().Select(l => l.ServiceName)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<InvocationStats> GetInvocations()
    {
        lock (_lock)
            return [.. _invocations.Values.Select(c => c.Snapshot()).OrderBy(s => s.Function, StringComparer.Ordinal)];
    }

    /// <summary>The function's retained console lines, oldest first.</summary>
    public IReadOnlyList<ConsoleLine> GetConsole(string function)
    {
        lock (_lock)
            return _console.TryGetValue(function, out var lines) ? lines.ToList() : [];
    }

    public IReadOnlyList<string> GetConsoleFunctions()
    {
        lock (_lock)
            return [.. _console.Keys.Order(StringComparer.Ordinal)];
    }

    private void AddSpan(TelemetrySpan span)
    {
        if (!_traces.TryGetValue(span.TraceId, out var trace))
            _traces.Add(span.TraceId, trace = []);
        else if (trace.Exists(s => s.SpanId == span.SpanId))
            return;
        trace.Add(span);
        foreach (var link in span.Links)
        {
            if (!_linkedFrom.TryGetValue(link.Target, out var sources))
                _linkedFrom.Add(link.Target, sources = []);
            sources.Add(span.Key);
        }
        if (FaasInvocation.TryRead(span, out var function, out var coldStart))
        {
            if (!_invocations.TryGetValue(function, out var counter))
                _invocations.Add(function, counter = new InvocationCounter(function, InvocationSampleSize));
            counter.Add(span, coldStart);
        }
        if (_spans.Add(span, out var dropped))
            Forget(dropped);
    }

    private void Forget(TelemetrySpan span)
    {
        if (_traces.TryGetValue(span.TraceId, out var trace))
        {
            trace.Remove(span);
            if (trace.Count == 0)
                _traces.Remove(span.TraceId);
        }
        foreach (var link in span.Links)
        {
            if (_linkedFrom.TryGetValue(link.Target, out var sources))
            {
                sources.Remove(span.Key);
                if (sources.Count == 0)
                    _linkedFrom.Remove(link.Target);
            }
        }
    }
}
