namespace Patterns.Tests.Support;

/// <summary>The Functions build the test project was built with (it references Functions, so the build exists).</summary>
internal static class FunctionsBuild
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        // bin/<Configuration>/net10.0 of the test assembly names the configuration to look for.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        for (var directory = testOutput; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Patterns.sln")))
            {
                var build = Path.Combine(directory.FullName, "Functions", "bin", configuration, framework);
                if (File.Exists(Path.Combine(build, "bootstrap")))
                    return build;
                throw new InvalidOperationException($"No Functions build with a bootstrap at {build}: build the solution first.");
            }
        }
        throw new InvalidOperationException($"Patterns.sln not found above {testOutput.FullName}.");
    }
}
