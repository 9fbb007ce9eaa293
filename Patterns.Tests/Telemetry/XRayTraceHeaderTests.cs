using System.Diagnostics;
using Functions.Runtime.Telemetry;

namespace Patterns.Tests.Telemetry;

public sealed class XRayTraceHeaderTests
{
    [Fact]
    public void Root_and_Parent_become_the_W3C_trace_id_and_parent_span_id()
    {
        var parent = XRayTraceHeader.ParseParent("Root=1-5759E988-BD862E3FE1BE46A994272793;Parent=53995C3F42CD8AD8;Sampled=1");

        Assert.NotNull(parent);
        Assert.Equal("5759e988bd862e3fe1be46a994272793", parent.Value.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", parent.Value.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, parent.Value.TraceFlags);
        Assert.True(parent.Value.IsRemote);
    }

    [Theory]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0")]
    [InlineData("Parent=53995c3f42cd8ad8;Root=1-5759e988-bd862e3fe1be46a994272793")]
    public void Unsampled_or_unsaid_is_not_recorded(string header) =>
        Assert.Equal(ActivityTraceFlags.None, XRayTraceHeader.ParseParent(header)!.Value.TraceFlags);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a99427279;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a99427279x;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=1-00000000-000000000000000000000000;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0000000000000000")]
    public void A_header_without_a_well_formed_Root_and_Parent_gives_no_parent(string? header) =>
        Assert.Null(XRayTraceHeader.ParseParent(header));
}
