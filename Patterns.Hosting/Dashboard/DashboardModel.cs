namespace Patterns.Hosting.Dashboard;

/// <summary>The app as the dashboard sees it at one moment: its resources in declaration order and the edges between them.</summary>
public sealed record DashboardModel(IReadOnlyList<DashboardResource> Resources, IReadOnlyList<DashboardEdge> Edges)
{
    public static DashboardModel Empty { get; } = new([], []);
}
