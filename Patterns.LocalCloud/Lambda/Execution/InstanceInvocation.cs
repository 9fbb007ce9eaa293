namespace Patterns.LocalCloud.Lambda.Execution;

/// <summary>An invocation's end as the instance saw it.</summary>
/// <param name="LogTail">The last 4 KB of its log, when asked for.</param>
internal sealed record InstanceInvocation(RuntimeOutcome Outcome, string? LogTail);
