using System.Diagnostics.Metrics;
using System.Text;
using Functions.Runtime.Client;
using Functions.Runtime.Telemetry;
using Patterns.ServiceDefaults;

namespace Patterns.Tests.Telemetry;

[Collection(InProcessTelemetryCollection.Name)]
public sealed class InvocationMetricsTests
{
    private static readonly TimeSpan InitDuration = TimeSpan.FromMilliseconds(750);

    private readonly SteppingTimeProvider time = new();
    private readonly List<RecordedMeasurement> recorded = [];

    [Fact]
    public void With_nothing_listening_nothing_is_measured()
    {
        using var metrics = new InvocationMetrics(InitDuration, time);

        var measurement = metrics.Start(InvocationOf("""{"httpMethod":"GET"}"""), coldStart: true);

        Assert.Null(measurement);
        metrics.Stop(measurement, failed: false);
    }

    [Fact]
    public void A_cold_invocation_records_its_duration_the_init_duration_a_cold_start_and_a_success()
    {
        using var metrics = new InvocationMetrics(InitDuration, time);
        using var listener = Listen(metrics);

        var measurement = metrics.Start(InvocationOf("""{"httpMethod":"GET","path":"/"}"""), coldStart: true);
        time.Advance(TimeSpan.FromMilliseconds(40));
        metrics.Stop(measurement, failed: false);

        Assert.Equal(
            [
                new RecordedMeasurement("faas.invoke_duration", "s", 0.04, "http"),
                new RecordedMeasurement("faas.coldstarts", "{coldstart}", 1, "http"),
                new RecordedMeasurement("faas.init_duration", "s", 0.75, "http"),
                new RecordedMeasurement("faas.invocations", "{invocation}", 1, "http"),
            ],
            recorded);
    }

    [Fact]
    public void A_cold_invocation_begun_while_the_meter_provider_starts_is_recorded_once_it_listens()
    {
        using var metrics = new InvocationMetrics(InitDuration, time);

        var measurement = metrics.Start(InvocationOf("""{"httpMethod":"GET","path":"/"}"""), coldStart: true, listenerStarting: true);
        using var listener = Listen(metrics);
        time.Advance(TimeSpan.FromMilliseconds(40));
        metrics.Stop(measurement, failed: false);

        Assert.NotNull(measurement);
        Assert.Equal(["faas.invoke_duration", "faas.coldstarts", "faas.init_duration", "faas.invocations"], recorded.Select(r => r.Instrument));
    }

    [Fact]
    public void A_warm_invocation_records_no_cold_start_and_no_init_duration()
    {
        using var metrics = new InvocationMetrics(InitDuration, time);
        using var listener = Listen(metrics);

        var measurement = metrics.Start(InvocationOf("""{"Records":[{"eventSource":"aws:sqs","body":"x"}]}"""), coldStart: false);
        time.Advance(TimeSpan.FromMilliseconds(5));
        metrics.Stop(measurement, failed: false);

        Assert.Equal(
            [
                new RecordedMeasurement("faas.invoke_duration", "s", 0.005, "pubsub"),
                new RecordedMeasurement("faas.invocations", "{invocation}", 1, "pubsub"),
            ],
            recorded);
    }

    [Fact]
    public void A_failed_invocation_is_an_error_and_not_a_successful_invocation()
    {
        using var metrics = new InvocationMetrics(InitDuration, time);
        using var listener = Listen(metrics);

        var measurement = metrics.Start(InvocationOf("not json"), coldStart: false);
        time.Advance(TimeSpan.FromSeconds(2));
        metrics.Stop(measurement, failed: true);

        Assert.Equal(
            [
                new RecordedMeasurement("faas.invoke_duration", "s", 2, "other"),
                new RecordedMeasurement("faas.errors", "{error}", 1, "other"),
            ],
            recorded);
    }

    [Fact]
    public void The_duration_histograms_advise_the_conventions_bucket_boundaries()
    {
        using var metrics = new InvocationMetrics(InitDuration, time);
        var histograms = new List<Histogram<double>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter == metrics.Meter && instrument is Histogram<double> histogram)
                {
                    histograms.Add(histogram);
                }
            },
        };
        listener.Start();

        Assert.Equal(["faas.invoke_duration", "faas.init_duration"], histograms.Select(h => h.Name));
        Assert.All(histograms, h => Assert.Equal([0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10], h.Advice?.HistogramBucketBoundaries));
        Assert.All(histograms, h => Assert.Equal(FunctionTelemetry.RuntimeMeterName, h.Meter.Name));
    }

    /// <summary>Only this test's instruments: another instance's in a parallel test are not heard.</summary>
    private MeterListener Listen(InvocationMetrics metrics)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter == metrics.Meter)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        return listener;
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Assert.Equal(1, tags.Length);
        Assert.Equal("faas.trigger", tags[0].Key);
        recorded.Add(new RecordedMeasurement(instrument.Name, instrument.Unit, Math.Round(value, 9), tags[0].Value as string));
    }

    private static Invocation InvocationOf(string payload) => new(
        "req-1", DateTimeOffset.UtcNow.AddMinutes(1), "arn:aws:lambda:us-east-1:210987654321:function:Orders", null, null, null, Encoding.UTF8.GetBytes(payload));
}
