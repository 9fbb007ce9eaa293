using System.Reflection;

namespace Patterns.Hosting.Model;

/// <summary>
/// Where the functions' code comes from: the Functions project (which a cloud deployment
/// publishes) and its build output (which a local run executes; it holds the bootstrap
/// executable). An AppHost records both at build time in assembly metadata.
/// </summary>
public sealed record FunctionsProject(string ProjectPath, string BuildDirectory)
{
    public const string ProjectPathMetadataKey = "Patterns.FunctionsProjectPath";
    public const string BuildDirectoryMetadataKey = "Patterns.FunctionsBuildDirectory";

    /// <summary>Reads what an AppHost's project file recorded (see Patterns.AppHost.csproj).</summary>
    public static FunctionsProject FromAssemblyMetadata(Assembly appHostAssembly)
    {
        ArgumentNullException.ThrowIfNull(appHostAssembly);
        var metadata = appHostAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Value is { Length: > 0 })
            .ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal);
        if (!metadata.TryGetValue(ProjectPathMetadataKey, out var projectPath) || !metadata.TryGetValue(BuildDirectoryMetadataKey, out var buildDirectory))
            throw new InvalidOperationException(
                $"{appHostAssembly.GetName().Name} does not say where the Functions project is (assembly metadata {ProjectPathMetadataKey} and {BuildDirectoryMetadataKey}). " +
                "Its project file must reference Functions.csproj with ReferenceOutputAssembly=\"false\" and record those two values, as Patterns.AppHost.csproj does.");
        return new FunctionsProject(projectPath, buildDirectory);
    }
}
