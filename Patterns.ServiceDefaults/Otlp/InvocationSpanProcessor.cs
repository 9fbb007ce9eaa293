using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace Patterns.ServiceDefaults.Otlp;

/// <summary>
/// Keeps ended spans in memory and exports them when flushed, on the flushing thread: the
/// invocation thread hands nothing to another thread and waits for no one, so an invocation's
/// spans have left the process when its flush returns. Spans that end between invocations
/// (background work) go out on a timer; the timer and the invocation thread take turns on the
/// exporter's one connection.
/// </summary>
internal sealed class InvocationSpanProcessor : BaseProcessor<Activity>
{
    /// <summary>As OpenTelemetry's batch processor: what one second of background work may leave waiting.</summary>
    internal const int MaxQueuedSpans = 2048;

    private readonly OtlpHttpTraceExporter exporter;
    private readonly Timer timer;
    private readonly Lock queueLock = new();
    private readonly Lock exportLock = new();
    private List<Activity> ended = [];
    private List<Activity> exporting = [];
    private long dropped;
    private bool stopped;
    private Resource? resource;

    /// <param name="scheduledDelayMilliseconds">How often spans that no flush took are exported.</param>
    public InvocationSpanProcessor(OtlpHttpTraceExporter exporter, int scheduledDelayMilliseconds)
    {
        this.exporter = exporter;
        timer = new Timer(static state => ((InvocationSpanProcessor)state!).OnTimer(), this, scheduledDelayMilliseconds, scheduledDelayMilliseconds);
    }

    public override void OnEnd(Activity data)
    {
        // As OpenTelemetry's exporting processors: a span the sampler let record but not sample is not exported.
        if (!data.Recorded)
        {
            return;
        }

        lock (queueLock)
        {
            if (ended.Count >= MaxQueuedSpans)
            {
                dropped++;
                return;
            }

            ended.Add(data);
        }
    }

    protected override bool OnForceFlush(int timeoutMilliseconds)
    {
        lock (exportLock)
        {
            return ExportEnded();
        }
    }

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        timer.Dispose();
        lock (exportLock)
        {
            stopped = true;
            var exported = ExportEnded();
            return exporter.Shutdown() && exported;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            timer.Dispose();
            exporter.Dispose();
        }

        base.Dispose(disposing);
    }

    private void OnTimer()
    {
        // An export under way takes what has ended; the next tick takes what is left.
        if (!exportLock.TryEnter())
        {
            return;
        }

        try
        {
            if (stopped)
            {
                return;
            }

            bool any;
            lock (queueLock)
            {
                any = ended.Count > 0 || dropped > 0;
            }

            if (any)
            {
                ExportEnded();
            }
            else
            {
                // Between invocations nothing else reads the last answer: an error in it is still told within the period.
                exporter.ReadAnswers(0);
            }
        }
        catch (Exception exception)
        {
            // On the timer's thread an exception would end the process; telemetry must not.
            exporter.Report($"the scheduled export failed ({exception.GetType().Name}: {exception.Message})");
        }
        finally
        {
            exportLock.Exit();
        }
    }

    /// <summary>Under the export lock.</summary>
    private bool ExportEnded()
    {
        long lost;
        lock (queueLock)
        {
            (ended, exporting) = (exporting, ended);
            lost = dropped;
            dropped = 0;
        }

        if (lost > 0)
        {
            exporter.Report($"spans ended while {MaxQueuedSpans} were already waiting to be exported; spans lost: {lost}");
        }

        if (exporting.Count == 0)
        {
            return true;
        }

        try
        {
            resource ??= ParentProvider?.GetResource() ?? Resource.Empty;
            return exporter.Export(exporting, resource);
        }
        finally
        {
            exporting.Clear();
        }
    }
}
