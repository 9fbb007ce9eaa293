namespace Patterns.Hosting.Dashboard;

/// <summary>A resource as the Resources page shows it.</summary>
/// <param name="Name">The model's name; for a function, also the service.name its telemetry carries.</param>
/// <param name="Type">"Function", "Table", "REST API", "Queue", …; "Function" resources get console and invocation views.</param>
/// <param name="State">E.g. "Running", "Provisioned", "Starting", "Failed".</param>
public sealed record DashboardResource(string Name, string Type, string State)
{
    public IReadOnlyList<DashboardLink> Urls { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Other facts worth a glance: ARN, stage, keys, timeout.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>A function's running instances (processes); null for other resources.</summary>
    public int? InstanceCount { get; init; }

    public const string FunctionType = "Function";
}
