namespace Patterns.Hosting.Dashboard.Telemetry;

/// <summary>A line a function process wrote, numbered in arrival order across all functions.</summary>
internal sealed record ConsoleLine(long Sequence, DateTimeOffset Time, string Text);
