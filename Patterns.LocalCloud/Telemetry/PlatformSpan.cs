using System.Diagnostics;

namespace Patterns.LocalCloud.Telemetry;

/// <summary>Starts the local cloud's own spans: under the caller's context when there is one, else as the root of a new trace.</summary>
internal static class PlatformSpan
{
    /// <param name="parent">The producer's or caller's context; null = start a trace.</param>
    public static Activity? Start(ActivitySource source, string name, ActivityKind kind, ActivityContext? parent, IEnumerable<ActivityLink>? links = null)
    {
        if (parent is null)
        {
            // The edge's hosting activity (or a poller's) is exported nowhere; a span under it would
            // dangle. Callers are synchronous helpers of async methods, so this does not reach
            // further than the async method that asked for the span.
            Activity.Current = null;
        }
        return source.StartActivity(name, kind, parent ?? default, tags: null, links);
    }
}
