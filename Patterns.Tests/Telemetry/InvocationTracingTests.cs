using System.Diagnostics;
using System.Text;
using Functions.Runtime.Client;
using Functions.Runtime.Context;
using Functions.Runtime.Telemetry;
using Patterns.ServiceDefaults;

namespace Patterns.Tests.Telemetry;

/// <summary>In one class, so the listener of one test never overlaps the other's.</summary>
public sealed class InvocationTracingTests
{
    private static readonly FunctionEnvironment Function = new("Orders", "$LATEST", 128, "/aws/lambda/Orders", "stream");

    [Fact]
    public void With_nothing_listening_there_is_no_span()
    {
        using var tracing = new InvocationTracing(Function);

        Assert.Null(tracing.Start(InvocationOf("""{"httpMethod":"GET"}""", trace: null), coldStart: true));
    }

    [Fact]
    public void A_listener_gets_a_server_span_for_the_function_under_the_x_ray_parent()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FunctionTelemetry.RuntimeSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var tracing = new InvocationTracing(Function);

        using var activity = tracing.Start(InvocationOf("{}", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"), coldStart: false);

        Assert.NotNull(activity);
        Assert.Equal("Orders", activity.DisplayName);
        Assert.Equal(ActivityKind.Server, activity.Kind);
        Assert.Equal("5759e988bd862e3fe1be46a994272793", activity.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", activity.ParentSpanId.ToHexString());
        Assert.Equal("other", activity.GetTagItem("faas.trigger"));
        Assert.Equal(false, activity.GetTagItem("faas.coldstart"));
        Assert.Equal("req-1", activity.GetTagItem("faas.invocation_id"));
        Assert.Equal("210987654321", activity.GetTagItem("cloud.account.id"));
    }

    [Fact]
    public void An_SQS_batch_links_the_span_to_the_producer_of_each_traced_message()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FunctionTelemetry.RuntimeSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var tracing = new InvocationTracing(Function);
        const string records = """
            {"Records":[
              {"messageId":"1","eventSource":"aws:sqs","attributes":{"AWSTraceHeader":"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"}},
              {"messageId":"2","eventSource":"aws:sqs","attributes":{}},
              {"messageId":"3","eventSource":"aws:sqs","attributes":{"AWSTraceHeader":"Root=1-6759e988-cd862e3fe1be46a994272793;Parent=63995c3f42cd8ad8;Sampled=1"}},
              {"messageId":"4","eventSource":"aws:sqs","attributes":{"AWSTraceHeader":"not a trace header"}}]}
            """;

        using var activity = tracing.Start(InvocationOf(records, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0000000000000abc;Sampled=1"), coldStart: false);

        Assert.NotNull(activity);
        Assert.Equal(
            [("5759e988bd862e3fe1be46a994272793", "53995c3f42cd8ad8"), ("6759e988cd862e3fe1be46a994272793", "63995c3f42cd8ad8")],
            activity.Links.Select(l => (l.Context.TraceId.ToHexString(), l.Context.SpanId.ToHexString())));
        Assert.Equal("pubsub", activity.GetTagItem("faas.trigger"));
        Assert.Empty(tracing.Start(InvocationOf("""{"httpMethod":"GET"}""", trace: null), coldStart: false)!.Links);
    }

    private static Invocation InvocationOf(string payload, string? trace) => new(
        "req-1", DateTimeOffset.UtcNow.AddMinutes(1), "arn:aws:lambda:us-east-1:210987654321:function:Orders", trace, null, null, Encoding.UTF8.GetBytes(payload));
}
