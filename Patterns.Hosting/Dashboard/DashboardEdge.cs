namespace Patterns.Hosting.Dashboard;

/// <summary>An edge of the model's graph, from the resource that sends or calls to the one that receives.</summary>
/// <param name="Label">What the edge carries, e.g. "GET /products" or the environment variable of a reference.</param>
public sealed record DashboardEdge(string From, string To, DashboardEdgeKind Kind, string? Label = null);
