namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>A page: its heading, the controls above the live part (filters), and the live part that refreshes.</summary>
internal sealed record PageContent(string Title, string Controls, string Body, int StatusCode = 200);
