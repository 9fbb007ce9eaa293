using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Patterns.Hosting.Dashboard.Otlp.Proto;
using Patterns.ServiceDefaults.Otlp;

namespace Patterns.Tests.Telemetry;

/// <summary>
/// The invocation path's trace export against a receiver stand-in: a flush writes the request and
/// returns without the answer; the answer is read at the next export; what goes wrong is told on
/// the error writer with the spans it cost, and the export after it works again.
/// </summary>
public sealed class OtlpHttpTraceExporterTests : IDisposable
{
    private const int ExportTimeoutMilliseconds = 2_000;

    /// <summary>Long enough that no test sees a scheduled export: each flushes for itself.</summary>
    private const int NoSchedule = 600_000;

    private readonly ActivitySource source = new($"Patterns.Tests.Export.{Guid.NewGuid():N}");
    private readonly StringWriter errors = new();

    [Fact]
    public async Task A_flush_returns_before_the_receiver_answers_and_the_spans_arrive()
    {
        var release = new TaskCompletionSource();
        await using var receiver = OtlpReceiverStandIn.Start(_ => new StandInAnswer(After: release.Task));
        using var tracing = Tracing(receiver.TracesUri);

        End("first");
        // The receiver holds its answer until after this returns: a flush that waited for it would time out and say false.
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        var first = Assert.Single(await receiver.WaitForAsync(1));
        release.SetResult();

        End("second");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        var both = await receiver.WaitForAsync(2);

        Assert.Equal(["first"], first.SpanNames);
        Assert.Equal("POST /v1/traces HTTP/1.1", first.RequestLine);
        Assert.Equal("application/x-protobuf", first.Headers["Content-Type"]);
        Assert.Equal(["second"], both[1].SpanNames);
        Assert.Equal([1, 1], both.Select(r => r.Connection));
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public async Task A_receiver_that_answers_500_is_reported_and_the_next_export_works()
    {
        var requests = 0;
        var failure = new Patterns.Hosting.Dashboard.Otlp.Proto.Rpc.Status { Code = 2, Message = "the store is full" }.ToByteArray();
        await using var receiver = OtlpReceiverStandIn.Start(_ => Interlocked.Increment(ref requests) == 1 ? new StandInAnswer(500, failure) : StandInAnswer.Ok);
        using var tracing = Tracing(receiver.TracesUri);

        End("refused");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        End("after");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        End("again");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        var received = await receiver.WaitForAsync(3);

        var report = Assert.Single(Lines());
        Assert.Contains($"OTLP trace export to {receiver.TracesUri}: the receiver answered 500 Failed (the store is full); spans lost: 1", report, StringComparison.Ordinal);
        Assert.Equal(["refused", "after", "again"], received.SelectMany(r => r.SpanNames));
    }

    [Fact]
    public async Task A_receiver_that_closes_the_connection_unanswered_is_reported_and_the_next_export_uses_a_new_one()
    {
        var requests = 0;
        await using var receiver = OtlpReceiverStandIn.Start(_ => Interlocked.Increment(ref requests) == 1 ? new StandInAnswer(CloseWithoutAnswer: true) : StandInAnswer.Ok);
        using var tracing = Tracing(receiver.TracesUri);

        End("unanswered");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        End("next");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        var received = await receiver.WaitForAsync(2);

        var report = Assert.Single(Lines());
        Assert.Contains("the connection closed before the receiver answered", report, StringComparison.Ordinal);
        Assert.Contains("spans possibly lost (sent, never acknowledged): 1", report, StringComparison.Ordinal);
        Assert.Equal(["next"], received[1].SpanNames);
        Assert.Equal([1, 2], received.Select(r => r.Connection));
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_loses_its_connection_and_the_next_export_uses_a_new_one()
    {
        var requests = 0;
        var never = new TaskCompletionSource();
        await using var receiver = OtlpReceiverStandIn.Start(_ => Interlocked.Increment(ref requests) == 1 ? new StandInAnswer(After: never.Task) : StandInAnswer.Ok);
        using var tracing = Tracing(receiver.TracesUri, timeoutMilliseconds: 200);

        End("unanswered");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        End("next");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        var received = await receiver.WaitForAsync(2);

        var report = Assert.Single(Lines());
        Assert.Contains("the receiver did not answer within 200 ms; the connection is replaced; spans possibly lost (sent, never acknowledged): 1", report, StringComparison.Ordinal);
        Assert.Equal(["next"], received[1].SpanNames);
        Assert.Equal(2, received[1].Connection);
    }

    [Fact]
    public async Task A_connection_the_receiver_closed_after_answering_is_replaced_without_losing_the_next_export()
    {
        var requests = 0;
        await using var receiver = OtlpReceiverStandIn.Start(_ => Interlocked.Increment(ref requests) == 1 ? new StandInAnswer(CloseAfterAnswer: true) : StandInAnswer.Ok);
        using var tracing = Tracing(receiver.TracesUri);

        End("first");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        await Support.Poll.UntilAsync(() => Task.FromResult(receiver.Closed), closed => closed == 1, TimeSpan.FromSeconds(10), "the receiver to close its connection");
        End("second");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        End("third");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        var received = await receiver.WaitForAsync(3);

        Assert.Equal(["first", "second", "third"], received.SelectMany(r => r.SpanNames));
        Assert.Equal([1, 2, 2], received.Select(r => r.Connection));
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public async Task Spans_a_receiver_refuses_in_a_partial_success_are_reported()
    {
        var partial = new ExportTraceServiceResponse { PartialSuccess = new ExportTracePartialSuccess { RejectedSpans = 1, ErrorMessage = "span 'x' has no trace id" } }.ToByteArray();
        await using var receiver = OtlpReceiverStandIn.Start(_ => new StandInAnswer(200, partial));
        using var tracing = Tracing(receiver.TracesUri);

        End("x");
        End("y");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        // The answer is read at the next export, or at shutdown.
        tracing.Dispose();

        var report = Assert.Single(Lines());
        Assert.Contains("the receiver refused part of an export of 2 spans (span 'x' has no trace id); spans lost: 1", report, StringComparison.Ordinal);
        Assert.Equal(["x", "y"], Assert.Single(await receiver.WaitForAsync(1)).SpanNames);
    }

    [Fact]
    public void Spans_that_cannot_be_sent_are_reported_lost_and_the_flush_says_so()
    {
        using var tracing = Tracing(new Uri($"http://127.0.0.1:{ClosedPort()}/v1/traces"));

        End("nowhere");
        End("to go");

        Assert.False(tracing.ForceFlush(ExportTimeoutMilliseconds));
        var report = Assert.Single(Lines());
        Assert.Contains("nothing accepts connections at 127.0.0.1:", report, StringComparison.Ordinal);
        Assert.Contains("spans lost: 2", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_spans_go_in_requests_of_at_most_512_on_one_connection()
    {
        await using var receiver = OtlpReceiverStandIn.Start(_ => StandInAnswer.Ok);
        using var tracing = Tracing(receiver.TracesUri);

        for (var i = 0; i < OtlpHttpTraceExporter.MaxSpansPerRequest + 1; i++)
            End($"span {i}");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        var received = await receiver.WaitForAsync(2);

        Assert.Equal([OtlpHttpTraceExporter.MaxSpansPerRequest, 1], received.Select(r => r.SpanNames.Count));
        Assert.Equal("span 512", received[1].SpanNames[0]);
        Assert.Equal([1, 1], received.Select(r => r.Connection));
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public async Task Spans_that_end_while_the_queue_is_full_are_reported_lost()
    {
        await using var receiver = OtlpReceiverStandIn.Start(_ => StandInAnswer.Ok);
        using var tracing = Tracing(receiver.TracesUri);

        for (var i = 0; i < InvocationSpanProcessor.MaxQueuedSpans + 2; i++)
            End($"span {i}");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        var received = await receiver.WaitForAsync(InvocationSpanProcessor.MaxQueuedSpans / OtlpHttpTraceExporter.MaxSpansPerRequest);

        Assert.Equal(InvocationSpanProcessor.MaxQueuedSpans, received.Sum(r => r.SpanNames.Count));
        Assert.Contains($"spans ended while {InvocationSpanProcessor.MaxQueuedSpans} were already waiting to be exported; spans lost: 2", Assert.Single(Lines()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_from_OTEL_EXPORTER_OTLP_HEADERS_go_with_every_request()
    {
        await using var receiver = OtlpReceiverStandIn.Start(_ => StandInAnswer.Ok);
        var headers = OtlpHeaders.Parse("api-key=secret%20value, x-tenant = local ,broken", errors);
        using var tracing = Tracing(receiver.TracesUri, headers: headers);

        End("with headers");
        Assert.True(tracing.ForceFlush(ExportTimeoutMilliseconds));
        var request = Assert.Single(await receiver.WaitForAsync(1));

        Assert.Equal("secret value", request.Headers["api-key"]);
        Assert.Equal("local", request.Headers["x-tenant"]);
        Assert.Contains("'broken' is not a header", Assert.Single(Lines()), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        source.Dispose();
        errors.Dispose();
    }

    private TracerProvider Tracing(Uri traces, int timeoutMilliseconds = ExportTimeoutMilliseconds, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        Sdk.CreateTracerProviderBuilder()
            .AddSource(source.Name)
            .AddProcessor(new InvocationSpanProcessor(new OtlpHttpTraceExporter(traces, headers ?? [], timeoutMilliseconds, TextWriter.Synchronized(errors)), NoSchedule))
            .Build();

    private void End(string name)
    {
        using var activity = source.StartActivity(name);
        Assert.NotNull(activity);
    }

    private string[] Lines() => errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A port that was free a moment ago and has nothing listening on it.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
