using System.Diagnostics;
using Patterns.LocalCloud.Lambda.Execution;

namespace Patterns.Tests.LocalCloud.Lambda;

/// <summary>X-Ray trace headers to W3C parent contexts and back, as the local cloud's spans need them.</summary>
public sealed class TraceContextTests
{
    [Fact]
    public void An_xray_header_becomes_the_w3c_parent_it_names()
    {
        var context = TraceContext.ToActivityContext("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        Assert.NotNull(context);
        Assert.Equal("5759e988bd862e3fe1be46a994272793", context.Value.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", context.Value.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, context.Value.TraceFlags);
        Assert.True(context.Value.IsRemote);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0000000000000000")]
    [InlineData("Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=1-5759e988-bd862e3f;Parent=53995c3f42cd8ad8")]
    public void A_header_without_a_usable_root_and_parent_names_no_parent(string? header) =>
        Assert.Null(TraceContext.ToActivityContext(header));

    [Fact]
    public void Sampled_0_is_kept_as_not_recorded() =>
        Assert.Equal(ActivityTraceFlags.None, TraceContext.ToActivityContext("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0")!.Value.TraceFlags);

    [Fact]
    public void A_span_becomes_the_parent_in_the_header_it_hands_on()
    {
        var parent = new ActivityContext(ActivityTraceId.CreateFromString("5759e988bd862e3fe1be46a994272793"), ActivitySpanId.CreateFromString("53995c3f42cd8ad8"), ActivityTraceFlags.Recorded);
        using var span = new Activity("invoke").SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags).Start();

        Assert.Equal($"Root=1-5759e988-bd862e3fe1be46a994272793;Parent={span.SpanId.ToHexString()};Sampled=1", TraceContext.ToXRay(span));
    }

    [Fact]
    public void A_traceparent_becomes_a_parent_context_and_a_malformed_one_none()
    {
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", TraceContext.FromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")!.Value.TraceId.ToHexString());
        Assert.Null(TraceContext.FromTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
        Assert.Null(TraceContext.FromTraceparent("garbage"));
    }
}
