using System.Diagnostics;
using Google.Protobuf;
using OpenTelemetry.Resources;
using Patterns.Hosting.Dashboard.Otlp.Proto;
using Patterns.ServiceDefaults.Otlp;

namespace Patterns.Tests.Telemetry;

/// <summary>
/// The function processes' own OTLP trace serialization, read back by the dashboard's protobuf
/// messages (generated from opentelemetry-proto): every field an Activity carries must survive.
/// </summary>
public sealed class OtlpTraceSerializerTests : IDisposable
{
    private const uint TraceFlagsSampled = 0x01;
    private const uint HasIsRemote = 0x100;
    private const uint IsRemote = 0x200;

    private static readonly ActivityTraceId CallerTrace = ActivityTraceId.CreateFromString("5759e988bd862e3fe1be46a994272793");
    private static readonly ActivitySpanId CallerSpan = ActivitySpanId.CreateFromString("53995c3f42cd8ad8");
    private static readonly ActivityTraceId ProducerTrace = ActivityTraceId.CreateFromString("6759e988cd862e3fe1be46a994272793");
    private static readonly ActivitySpanId ProducerSpan = ActivitySpanId.CreateFromString("63995c3f42cd8ad8");

    /// <summary>2025-01-02T03:04:05.1234567Z.</summary>
    private static readonly DateTime Start = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567);

    private const ulong StartUnixNano = 1_735_787_045_123_456_700;

    private readonly ActivitySource runtime = new(new ActivitySourceOptions($"Patterns.Tests.Runtime.{Guid.NewGuid():N}")
    {
        Version = "1.2.3",
        Tags = [new("scope.owner", "tests")],
        TelemetrySchemaUrl = "https://opentelemetry.io/schemas/1.30.0",
    });

    private readonly ActivitySource sdk = new($"Patterns.Tests.Sdk.{Guid.NewGuid():N}");
    private readonly ActivityListener listener;

    public OtlpTraceSerializerTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = s => s == runtime || s == sdk,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
    }

    [Fact]
    public void Every_field_of_an_Activity_reaches_the_receiver_grouped_by_scope()
    {
        Activity.Current = null;
        var caller = new ActivityContext(CallerTrace, CallerSpan, ActivityTraceFlags.Recorded, "vendor=value", isRemote: true);
        var producer = new ActivityContext(ProducerTrace, ProducerSpan, ActivityTraceFlags.None, "linked=state", isRemote: true);
        var linkTags = new ActivityTagsCollection { ["messaging.message.id"] = "m-1", ["batch.index"] = 3 };
        var invocation = runtime.StartActivity("Orders", ActivityKind.Server, caller, links: [new ActivityLink(producer, linkTags)], startTime: Start)!;
        invocation.SetTag("text", "v");
        invocation.SetTag("flag", false);
        invocation.SetTag("int", 42);
        invocation.SetTag("long", 1L << 40);
        invocation.SetTag("double", 2.5);
        invocation.SetTag("float", 0.5f);
        invocation.SetTag("char", 'c');
        invocation.SetTag("huge", ulong.MaxValue);
        invocation.SetTag("bytes", new byte[] { 1, 2, 3 });
        invocation.SetTag("strings", new[] { "a", "" });
        invocation.SetTag("longs", new[] { 1L, -2L });
        invocation.SetTag("bools", new[] { true, false });
        invocation.SetTag("doubles", new[] { 1.5, -0.25 });
        invocation.SetTag("mixed", new object?[] { "x", 7, null });
        invocation.SetTag("long text", new string('x', 20_000));
        invocation.AddTag("nothing", (object?)null);
        invocation.AddEvent(new ActivityEvent("retry", Start.AddMilliseconds(5), new ActivityTagsCollection { ["attempt"] = 2, ["reason"] = "throttled" }));
        invocation.SetStatus(ActivityStatusCode.Error, "boom");

        var call = sdk.StartActivity("DynamoDB.Scan", ActivityKind.Client, parentContext: default, startTime: Start.AddMilliseconds(1))!;
        call.SetStatus(ActivityStatusCode.Ok, "ignored for Ok");
        call.SetEndTime(Start.AddMilliseconds(2));
        call.Stop();

        Activity.Current = null;
        var legacy = runtime.StartActivity("legacy", ActivityKind.Internal, parentContext: default, startTime: Start)!;
        legacy.SetTag("otel.status_code", "ERROR");
        legacy.SetTag("otel.status_description", "set the old way");
        legacy.SetTag("kept", "yes");
        legacy.SetEndTime(Start.AddMilliseconds(1));
        legacy.Stop();

        invocation.SetEndTime(Start.AddMilliseconds(12.5));
        invocation.Stop();

        var resource = ResourceBuilder.CreateEmpty()
            .AddService("orders", serviceVersion: "2.0")
            .AddAttributes(new Dictionary<string, object> { ["host.cores"] = 2L, ["feature.on"] = true, ["ratio"] = 0.25, ["zones"] = new[] { "a", "b" } })
            .Build();

        var request = Serialize(resource, [invocation, call, legacy]);

        var resourceSpans = Assert.Single(request.ResourceSpans);
        var resourceAttributes = resourceSpans.Resource.Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("orders", resourceAttributes["service.name"].StringValue);
        Assert.Equal("2.0", resourceAttributes["service.version"].StringValue);
        Assert.Equal(2L, resourceAttributes["host.cores"].IntValue);
        Assert.True(resourceAttributes["feature.on"].BoolValue);
        Assert.Equal(0.25, resourceAttributes["ratio"].DoubleValue);
        Assert.Equal(["a", "b"], resourceAttributes["zones"].ArrayValue.Values.Select(v => v.StringValue));

        Assert.Equal(2, resourceSpans.ScopeSpans.Count);
        var runtimeScope = resourceSpans.ScopeSpans[0];
        Assert.Equal(runtime.Name, runtimeScope.Scope.Name);
        Assert.Equal("1.2.3", runtimeScope.Scope.Version);
        Assert.Equal("tests", Assert.Single(runtimeScope.Scope.Attributes, a => a.Key == "scope.owner").Value.StringValue);
        Assert.Equal("https://opentelemetry.io/schemas/1.30.0", runtimeScope.SchemaUrl);
        Assert.Equal(["Orders", "legacy"], runtimeScope.Spans.Select(s => s.Name));
        var sdkScope = resourceSpans.ScopeSpans[1];
        Assert.Equal(sdk.Name, sdkScope.Scope.Name);
        Assert.Equal(string.Empty, sdkScope.Scope.Version);
        Assert.Equal(string.Empty, sdkScope.SchemaUrl);

        var server = runtimeScope.Spans[0];
        Assert.Equal(Bytes(CallerTrace), server.TraceId);
        Assert.Equal(Bytes(invocation.SpanId), server.SpanId);
        Assert.Equal(Bytes(CallerSpan), server.ParentSpanId);
        Assert.Equal("vendor=value", server.TraceState);
        Assert.Equal(TraceFlagsSampled | HasIsRemote | IsRemote, server.Flags);
        Assert.Equal(Span.Types.SpanKind.Server, server.Kind);
        Assert.Equal(StartUnixNano, server.StartTimeUnixNano);
        Assert.Equal(StartUnixNano + 12_500_000, server.EndTimeUnixNano);
        Assert.Equal(Status.Types.StatusCode.Error, server.Status.Code);
        Assert.Equal("boom", server.Status.Message);

        var attributes = server.Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("v", attributes["text"].StringValue);
        Assert.Equal(AnyValue.ValueOneofCase.BoolValue, attributes["flag"].ValueCase);
        Assert.False(attributes["flag"].BoolValue);
        Assert.Equal(42L, attributes["int"].IntValue);
        Assert.Equal(1L << 40, attributes["long"].IntValue);
        Assert.Equal(2.5, attributes["double"].DoubleValue);
        Assert.Equal(0.5, attributes["float"].DoubleValue);
        Assert.Equal("c", attributes["char"].StringValue);
        Assert.Equal("18446744073709551615", attributes["huge"].StringValue);
        Assert.Equal([1, 2, 3], attributes["bytes"].BytesValue.ToByteArray());
        Assert.Equal(["a", ""], attributes["strings"].ArrayValue.Values.Select(v => v.StringValue));
        Assert.Equal(AnyValue.ValueOneofCase.StringValue, attributes["strings"].ArrayValue.Values[1].ValueCase);
        Assert.Equal([1L, -2L], attributes["longs"].ArrayValue.Values.Select(v => v.IntValue));
        Assert.Equal([true, false], attributes["bools"].ArrayValue.Values.Select(v => v.BoolValue));
        Assert.Equal([1.5, -0.25], attributes["doubles"].ArrayValue.Values.Select(v => v.DoubleValue));
        var mixed = attributes["mixed"].ArrayValue.Values;
        Assert.Equal(("x", 7L, AnyValue.ValueOneofCase.None), (mixed[0].StringValue, mixed[1].IntValue, mixed[2].ValueCase));
        Assert.Equal(20_000, attributes["long text"].StringValue.Length);
        Assert.DoesNotContain("nothing", attributes.Keys);

        var retry = Assert.Single(server.Events);
        Assert.Equal("retry", retry.Name);
        Assert.Equal(StartUnixNano + 5_000_000, retry.TimeUnixNano);
        Assert.Equal(2L, Assert.Single(retry.Attributes, a => a.Key == "attempt").Value.IntValue);
        Assert.Equal("throttled", Assert.Single(retry.Attributes, a => a.Key == "reason").Value.StringValue);

        var link = Assert.Single(server.Links);
        Assert.Equal(Bytes(ProducerTrace), link.TraceId);
        Assert.Equal(Bytes(ProducerSpan), link.SpanId);
        Assert.Equal("linked=state", link.TraceState);
        Assert.Equal(HasIsRemote | IsRemote, link.Flags);
        Assert.Equal("m-1", Assert.Single(link.Attributes, a => a.Key == "messaging.message.id").Value.StringValue);
        Assert.Equal(3L, Assert.Single(link.Attributes, a => a.Key == "batch.index").Value.IntValue);

        var client = Assert.Single(sdkScope.Spans);
        Assert.Equal(Bytes(CallerTrace), client.TraceId);
        Assert.Equal(Bytes(invocation.SpanId), client.ParentSpanId);
        Assert.Equal(TraceFlagsSampled | HasIsRemote, client.Flags);
        Assert.Equal(Span.Types.SpanKind.Client, client.Kind);
        Assert.Equal(StartUnixNano + 1_000_000, client.StartTimeUnixNano);
        Assert.Equal(StartUnixNano + 2_000_000, client.EndTimeUnixNano);
        Assert.Equal(Status.Types.StatusCode.Ok, client.Status.Code);
        Assert.Equal(string.Empty, client.Status.Message);
        // A child carries its trace's state, as W3C Trace Context has it.
        Assert.Equal("vendor=value", client.TraceState);

        var old = runtimeScope.Spans[1];
        Assert.True(old.ParentSpanId.IsEmpty);
        Assert.Equal(Span.Types.SpanKind.Internal, old.Kind);
        Assert.Equal(Status.Types.StatusCode.Error, old.Status.Code);
        Assert.Equal("set the old way", old.Status.Message);
        Assert.Equal(["kept"], old.Attributes.Select(a => a.Key));
    }

    [Fact]
    public void Each_ActivityKind_is_its_OTLP_SpanKind_and_an_unset_status_is_left_out()
    {
        ActivityKind[] kinds = [ActivityKind.Internal, ActivityKind.Server, ActivityKind.Client, ActivityKind.Producer, ActivityKind.Consumer];
        var spans = kinds.Select(kind =>
        {
            Activity.Current = null;
            using var activity = runtime.StartActivity(kind.ToString(), kind)!;
            return activity;
        }).ToList();

        var written = Assert.Single(Assert.Single(Serialize(ResourceBuilder.CreateEmpty().Build(), spans).ResourceSpans).ScopeSpans).Spans;

        Assert.Equal(
            [Span.Types.SpanKind.Internal, Span.Types.SpanKind.Server, Span.Types.SpanKind.Client, Span.Types.SpanKind.Producer, Span.Types.SpanKind.Consumer],
            written.Select(s => s.Kind));
        Assert.All(written, s => Assert.Null(s.Status));
    }

    [Fact]
    public void A_slice_of_the_spans_is_written_alone_and_the_writer_is_reused()
    {
        var spans = Enumerable.Range(0, 4).Select(i =>
        {
            using var activity = runtime.StartActivity($"span {i}")!;
            return activity;
        }).ToList();
        var writer = new ProtobufWriter(prefix: 100);
        var serializer = new OtlpTraceSerializer();
        var resource = ResourceBuilder.CreateEmpty().AddService("reused").Build();

        serializer.Write(writer, resource, spans, 0, 4);
        writer.Reset();
        serializer.Write(writer, resource, spans, 1, 2);
        var request = ExportTraceServiceRequest.Parser.ParseFrom(writer.Buffer, writer.Prefix, writer.Length);

        var resourceSpans = Assert.Single(request.ResourceSpans);
        Assert.Equal("reused", Assert.Single(resourceSpans.Resource.Attributes, a => a.Key == "service.name").Value.StringValue);
        Assert.Equal(["span 1", "span 2"], Assert.Single(resourceSpans.ScopeSpans).Spans.Select(s => s.Name));
    }

    public void Dispose()
    {
        listener.Dispose();
        runtime.Dispose();
        sdk.Dispose();
    }

    private static ExportTraceServiceRequest Serialize(OpenTelemetry.Resources.Resource resource, IReadOnlyList<Activity> spans)
    {
        var writer = new ProtobufWriter(prefix: 0);
        new OtlpTraceSerializer().Write(writer, resource, spans, 0, spans.Count);
        return ExportTraceServiceRequest.Parser.ParseFrom(writer.Buffer, writer.Prefix, writer.Length);
    }

    private static ByteString Bytes(ActivityTraceId id)
    {
        var bytes = new byte[16];
        id.CopyTo(bytes);
        return ByteString.CopyFrom(bytes);
    }

    private static ByteString Bytes(ActivitySpanId id)
    {
        var bytes = new byte[8];
        id.CopyTo(bytes);
        return ByteString.CopyFrom(bytes);
    }
}
