using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Patterns.AwsClients.Core;
using Patterns.Hosting.Dashboard;
using Patterns.Hosting.Dashboard.Telemetry;
using Patterns.ServiceDefaults;
using Patterns.Tests.Dashboard;
using Patterns.Tests.Support;

namespace Patterns.Tests.Telemetry;

/// <summary>A function process's telemetry, in process, exporting its spans to the real dashboard.</summary>
[Collection(InProcessTelemetryCollection.Name)]
public sealed class FunctionTelemetryExportTests
{
    [Fact]
    public async Task A_flushed_span_reaches_the_dashboard_with_its_attributes_events_links_and_status()
    {
        await using var dashboard = await StartDashboardAsync();
        var warnings = new StringWriter();
        using var source = new ActivitySource(FunctionTelemetry.RuntimeSourceName);
        var name = $"flushed {Guid.NewGuid():N}";
        var producer = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, null, isRemote: true);

        using (var telemetry = FunctionTelemetry.Start(EnvironmentOf(dashboard.OtlpEnvironment["OTEL_EXPORTER_OTLP_ENDPOINT"]), warnings))
        {
            Assert.NotNull(telemetry);
            Activity.Current = null;
            using (var activity = source.StartActivity(name, ActivityKind.Consumer, parentContext: default, links: [new ActivityLink(producer, new ActivityTagsCollection { ["messaging.message.id"] = "m-1" })]))
            {
                Assert.NotNull(activity);
                activity.SetTag("faas.trigger", "pubsub");
                activity.SetTag("faas.coldstart", true);
                activity.SetTag("messaging.batch.message_count", 3);
                activity.AddException(new InvalidOperationException("boom"));
                activity.SetStatus(ActivityStatusCode.Error, "boom");
            }

            Assert.True(telemetry.Flush());
            var span = await SpanNamedAsync(dashboard, name);

            Assert.Equal(TelemetrySpanKind.Consumer, span.Kind);
            Assert.Null(span.ParentSpanId);
            Assert.Equal("pubsub", span.Attribute("faas.trigger"));
            Assert.Equal("true", span.Attribute("faas.coldstart"));
            Assert.Equal("3", span.Attribute("messaging.batch.message_count"));
            Assert.Equal(TelemetryStatus.Error, span.Status);
            Assert.Equal("boom", span.StatusMessage);
            var exception = Assert.Single(span.Events);
            Assert.Equal("exception", exception.Name);
            Assert.Contains(exception.Attributes, a => a.Key == "exception.type" && a.Value == "System.InvalidOperationException");
            var link = Assert.Single(span.Links);
            Assert.Equal(new SpanKey(producer.TraceId.ToHexString(), producer.SpanId.ToHexString()), link.Target);
            Assert.Contains(link.Attributes, a => a.Key == "messaging.message.id" && a.Value == "m-1");
            Assert.Equal("ExportTest", span.ServiceName);
            Assert.Equal("aws_lambda", span.Resource.Attribute("cloud.platform"));
            Assert.Equal(FunctionTelemetry.RuntimeSourceName, span.ScopeName);
        }

        Assert.Equal(string.Empty, warnings.ToString());
    }

    [Fact]
    public async Task Spans_ended_between_invocations_reach_the_dashboard_without_a_flush()
    {
        await using var dashboard = await StartDashboardAsync();
        using var source = new ActivitySource(AwsClientTracing.SourceName);
        var name = $"background {Guid.NewGuid():N}";

        using var telemetry = FunctionTelemetry.Start(EnvironmentOf(dashboard.OtlpEnvironment["OTEL_EXPORTER_OTLP_ENDPOINT"]), new StringWriter());
        Assert.NotNull(telemetry);
        Activity.Current = null;
        using (source.StartActivity(name, ActivityKind.Client))
        {
            // Work a background task does after the invocation's result has gone.
        }

        // No flush: the processor's one-second schedule takes it.
        var span = await SpanNamedAsync(dashboard, name, TimeSpan.FromSeconds(10));
        Assert.Equal(TelemetrySpanKind.Client, span.Kind);
    }

    [Fact]
    public void A_flush_that_cannot_reach_the_receiver_says_false_and_the_warnings_say_why()
    {
        var warnings = new StringWriter();
        using var source = new ActivitySource(FunctionTelemetry.RuntimeSourceName);
        var port = ClosedPort();

        using var telemetry = FunctionTelemetry.Start(EnvironmentOf($"http://127.0.0.1:{port}"), warnings);
        Assert.NotNull(telemetry);
        Activity.Current = null;
        using (source.StartActivity($"lost {Guid.NewGuid():N}"))
        {
        }

        Assert.False(telemetry.Flush());
        Assert.Contains($"OTLP trace export to http://127.0.0.1:{port}/v1/traces: nothing accepts connections at 127.0.0.1:{port}; spans lost: ", warnings.ToString(), StringComparison.Ordinal);
    }

    private static Func<string, string?> EnvironmentOf(string endpoint)
    {
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["AWS_LAMBDA_FUNCTION_NAME"] = "ExportTest",
        };
        return name => environment.GetValueOrDefault(name);
    }

    private static Task<DashboardServer> StartDashboardAsync() =>
        DashboardServer.StartAsync(new DashboardOptions { Port = 0 }, new FakeModelSource(DashboardModel.Empty));

    private static Task<TelemetrySpan> SpanNamedAsync(DashboardServer dashboard, string name, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            () => Task.FromResult(dashboard.Store.GetTraces().SelectMany(trace => dashboard.Store.GetTrace(trace.TraceId)).FirstOrDefault(span => span.Name == name)),
            span => span is not null,
            timeout ?? TimeSpan.FromSeconds(5),
            $"span '{name}' in the dashboard")!;

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
