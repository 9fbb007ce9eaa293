namespace Patterns.Hosting.Dashboard.Otlp;

/// <summary>What a request held that the store can keep, and how many items were refused and why (the first reason).</summary>
internal sealed record ConversionResult<T>(IReadOnlyList<T> Items, long Rejected, string? Error);
