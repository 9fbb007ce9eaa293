using Patterns.LocalCloud;

namespace Patterns.Hosting.Testing;

/// <summary>How a test starts a model. The edge always gets a free port so test classes can run in parallel.</summary>
public sealed record TestAppOptions
{
    /// <summary>
    /// The local cloud's settings, e.g. shorter AsyncRetryDelays or fewer MaxInstancesPerFunction;
    /// EdgePort is ignored (a free port is picked). Quiet by default (Log = null).
    /// </summary>
    public LocalCloudOptions LocalCloud { get; init; } = new() { Log = null };

    /// <summary>The Functions build to run; null = the model's FunctionsProject.BuildDirectory.</summary>
    public string? FunctionsDirectory { get; init; }

    /// <summary>Start the dashboard too, on a free port (<see cref="TestApp.DashboardUrl"/>).</summary>
    public bool WithDashboard { get; init; }
}
