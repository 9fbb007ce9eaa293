using Patterns.Hosting.Dashboard.Telemetry;
using static Patterns.Tests.Dashboard.TestSpans;

namespace Patterns.Tests.Dashboard;

/// <summary>The store keeps the newest telemetry within its bounds, indexed by trace, with back-links and invocation counts.</summary>
public sealed class TelemetryStoreTests
{
    private static TelemetryStore NewStore(int maxSpans = 100, int maxLogs = 100, int maxConsoleLines = 100) =>
        new(maxSpans, maxLogs, maxMetricPoints: 100, maxConsoleLines);

    [Fact]
    public void Keeps_the_newest_spans_and_forgets_a_trace_whose_spans_are_all_dropped()
    {
        var store = NewStore(maxSpans: 3);
        store.AddSpans([Span(1, 1), Span(1, 2, parent: 1)]);
        store.AddSpans([Span(2, 3), Span(2, 4, parent: 3)]);

        Assert.Equal(3, store.SpanCount);
        Assert.Equal([SpanId(2)], store.GetTrace(TraceId(1)).Select(s => s.SpanId));
        Assert.Equal(2, store.GetTrace(TraceId(2)).Count);

        store.AddSpans([Span(3, 5)]);

        Assert.Empty(store.GetTrace(TraceId(1)));
        Assert.Equal(2, store.TraceCount);
        Assert.Equal([TraceId(2), TraceId(3)], store.GetTraces().Select(t => t.TraceId).Order());
    }

    [Fact]
    public void A_span_sent_twice_is_kept_once()
    {
        var store = NewStore();
        store.AddSpans([Span(1, 1)]);
        store.AddSpans([Span(1, 1)]);

        Assert.Equal(1, store.SpanCount);
        Assert.Single(store.GetTrace(TraceId(1)));
    }

    [Fact]
    public void A_linked_span_knows_who_links_to_it_until_the_linking_span_is_dropped()
    {
        var store = NewStore(maxSpans: 3);
        var producer = new SpanKey(TraceId(1), SpanId(1));
        store.AddSpans([Span(1, 1), Span(2, 2, links: [producer]), Span(3, 3, links: [producer])]);

        Assert.Equal([new SpanKey(TraceId(2), SpanId(2)), new SpanKey(TraceId(3), SpanId(3))], store.GetLinkedFrom(producer));

        store.AddSpans([Span(4, 4)]); // drops the producer itself: its back-links stay with the consumers' spans
        store.AddSpans([Span(5, 5)]); // drops the first consumer

        Assert.Equal([new SpanKey(TraceId(3), SpanId(3))], store.GetLinkedFrom(producer));
        store.AddSpans([Span(6, 6)]);
        Assert.Empty(store.GetLinkedFrom(producer));
    }

    [Fact]
    public void Log_records_and_console_lines_are_bounded_and_kept_in_order()
    {
        var store = NewStore(maxLogs: 2, maxConsoleLines: 2);
        store.AddLogs([Log("a", 9, "one"), Log("a", 9, "two"), Log("b", 17, "three")]);
        store.AddConsoleLine("F", "1");
        store.AddConsoleLine("G", "x");
        store.AddConsoleLine("F", "2");
        store.AddConsoleLine("F", "3");

        Assert.Equal(["two", "three"], store.GetLogs().Select(l => l.Body));
        Assert.Equal(["2", "3"], store.GetConsole("F").Select(l => l.Text));
        Assert.Equal(["x"], store.GetConsole("G").Select(l => l.Text));
        Assert.Equal(["F", "G"], store.GetConsoleFunctions());
        Assert.True(store.GetConsole("F")[0].Sequence < store.GetConsole("F")[1].Sequence);
    }

    [Fact]
    public void Invocation_stats_count_errors_and_cold_starts_and_take_nearest_rank_percentiles()
    {
        var store = NewStore(maxSpans: 10); // fewer than the invocations: counts outlive the spans
        for (var i = 1; i <= 100; i++)
            store.AddSpans([Invocation(i, i, "Orders", durationMs: i, coldStart: i <= 3, error: i % 10 == 0)]);
        store.AddSpans([Span(200, 200, service: "Orders", kind: TelemetrySpanKind.Client, attributes: [("faas.invoked_name", "Other")])]);

        var stats = Assert.Single(store.GetInvocations());
        Assert.Equal(("Orders", 100L, 10L, 3L), (stats.Function, stats.Count, stats.Errors, stats.ColdStarts));
        Assert.Equal(TimeSpan.FromMilliseconds(50), stats.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(99), stats.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(2), stats.AverageColdStart);
    }

    [Fact]
    public void The_function_is_named_by_the_resource_faas_name_before_the_service_name()
    {
        var store = NewStore();
        var resource = new TelemetryResource("orders-service", [new TelemetryAttribute("faas.name", "PlaceOrder")]);
        store.AddSpans([Span(1, 1, kind: TelemetrySpanKind.Consumer, attributes: [("faas.trigger", "pubsub")], resource: resource)]);

        Assert.Equal("PlaceOrder", Assert.Single(store.GetInvocations()).Function);
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_leave_the_store_consistent()
    {
        var store = NewStore(maxSpans: 500);
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
                store.AddSpans([Span(w * 1000 + i % 50, w * 1000 + i, links: [new SpanKey(TraceId(1), SpanId(1))])]);
        }));
        var reader = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
                _ = store.GetTraces();
        });
        await Task.WhenAll([.. writers, reader]);

        Assert.Equal(500, store.SpanCount);
        Assert.Equal(500, store.GetTraces().Sum(t => t.SpanCount));
        Assert.Equal(500, store.GetLinkedFrom(new SpanKey(TraceId(1), SpanId(1))).Count);
    }

    [Fact]
    public void A_trace_summary_names_its_root_and_spans_the_whole_trace()
    {
        var store = NewStore();
        store.AddSpans([
            Span(1, 2, parent: 1, service: "fn", name: "child", startMs: 5, durationMs: 30, error: true),
            Span(1, 1, service: "api", name: "GET /", startMs: 0, durationMs: 20),
        ]);

        var summary = Assert.Single(store.GetTraces());
        Assert.Equal(("GET /", "api", 2, 1), (summary.RootName, summary.RootService, summary.SpanCount, summary.ErrorCount));
        Assert.Equal(TimeSpan.FromMilliseconds(35), summary.Duration);
        Assert.Equal(["api", "fn"], summary.Services);
    }

    [Theory]
    [InlineData(0, "", "Information")]
    [InlineData(0, "warn", "Warning")]
    [InlineData(1, "", "Trace")]
    [InlineData(8, "", "Debug")]
    [InlineData(12, "", "Information")]
    [InlineData(13, "", "Warning")]
    [InlineData(20, "", "Error")]
    [InlineData(24, "", "Critical")]
    public void Severity_numbers_map_to_OTLP_ranges(int number, string text, string level) =>
        Assert.Equal(level, LogLevelName.Of(number, text).Name);
}
