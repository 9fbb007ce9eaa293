using Patterns.LocalCloud;

namespace Patterns.Hosting.Local;

/// <summary>How a model is run here.</summary>
public sealed record LocalAppOptions
{
    /// <summary>The local cloud's settings (edge port, region, account, function instances, …).</summary>
    public LocalCloudOptions LocalCloud { get; init; } = new();

    /// <summary>The Functions build to run (a directory with the bootstrap executable); null = the model's FunctionsProject.BuildDirectory.</summary>
    public string? FunctionsDirectory { get; init; }

    /// <summary>How long a created or updated function may stay Pending before provisioning fails.</summary>
    public TimeSpan FunctionReadyTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The dashboard's port on 127.0.0.1 (0 = a free port); null runs without a dashboard.</summary>
    public int? DashboardPort { get; init; }
}
