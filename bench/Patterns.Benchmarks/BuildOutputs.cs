using System.Reflection;

namespace Patterns.Benchmarks;

/// <summary>Where the build put the executables the benchmark starts.</summary>
internal static class BuildOutputs
{
    public static string Functions => Metadata("FunctionsBuildDirectory");

    public static string AppHost => Metadata("AppHostBuildDirectory");

    private static string Metadata(string key) =>
        Path.GetFullPath(typeof(BuildOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
}
