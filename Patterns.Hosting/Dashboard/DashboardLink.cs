namespace Patterns.Hosting.Dashboard;

/// <summary>A URL of a resource with what it is for, e.g. ("Invoke URL", "http://127.0.0.1:4566/_aws/execute-api/…").</summary>
public sealed record DashboardLink(string Label, string Url);
