using System.Diagnostics.Metrics;
using Functions.Runtime.Client;
using Patterns.ServiceDefaults;

namespace Functions.Runtime.Telemetry;

/// <summary>
/// OpenTelemetry's FaaS metrics of the function instance: faas.invoke_duration, faas.init_duration,
/// faas.coldstarts, faas.errors and faas.invocations (successful ones), each by faas.trigger. The
/// invocation path only records to instruments; the meter provider aggregates and exports on its own
/// schedule. When nothing listens the event is not looked at.
/// </summary>
internal sealed class InvocationMetrics : IDisposable
{
    /// <summary>The boundaries the conventions give for both duration histograms, in seconds.</summary>
    private static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly TimeSpan initDuration;
    private readonly TimeProvider time;
    private readonly Histogram<double> invokeDuration;
    private readonly Histogram<double> initDurations;
    private readonly Counter<long> coldstarts;
    private readonly Counter<long> errors;
    private readonly Counter<long> invocations;

    /// <param name="initDuration">From the process's start to its handler being ready: recorded with the cold start's trigger.</param>
    public InvocationMetrics(TimeSpan initDuration, TimeProvider time)
    {
        this.initDuration = initDuration;
        this.time = time;
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets };
        invokeDuration = Meter.CreateHistogram("faas.invoke_duration", "s", "Measures the duration of the function's logic execution", tags: null, buckets);
        initDurations = Meter.CreateHistogram("faas.init_duration", "s", "Measures the duration of the function's initialization, such as a cold start", tags: null, buckets);
        coldstarts = Meter.CreateCounter<long>("faas.coldstarts", "{coldstart}", "Number of invocation cold starts");
        errors = Meter.CreateCounter<long>("faas.errors", "{error}", "Number of invocation errors");
        invocations = Meter.CreateCounter<long>("faas.invocations", "{invocation}", "Number of successful invocations");
    }

    /// <summary>This instance's meter, so that a listener can tell its instruments from another instance's.</summary>
    public Meter Meter { get; } = new(FunctionTelemetry.RuntimeMeterName);

    /// <param name="listenerStarting">
    /// A meter provider listens, or is being built and will by the time the invocation is stopped:
    /// the cold invocation is measured without waiting for it to begin.
    /// </param>
    /// <returns>Null when no instrument is listened to, nor will be.</returns>
    public InvocationMeasurement? Start(Invocation invocation, bool coldStart, bool listenerStarting = false)
    {
        if (!listenerStarting && !invokeDuration.Enabled && !initDurations.Enabled && !coldstarts.Enabled && !errors.Enabled && !invocations.Enabled)
        {
            return null;
        }

        return new InvocationMeasurement(FaasTrigger.Of(invocation.Payload), coldStart, time.GetTimestamp());
    }

    public void Stop(InvocationMeasurement? measurement, bool failed)
    {
        if (measurement is not { } started)
        {
            return;
        }

        var trigger = new KeyValuePair<string, object?>("faas.trigger", started.Trigger);
        invokeDuration.Record(time.GetElapsedTime(started.StartTimestamp).TotalSeconds, trigger);
        if (started.ColdStart)
        {
            coldstarts.Add(1, trigger);
            initDurations.Record(initDuration.TotalSeconds, trigger);
        }

        if (failed)
        {
            errors.Add(1, trigger);
        }
        else
        {
            invocations.Add(1, trigger);
        }
    }

    public void Dispose() => Meter.Dispose();
}
