using Patterns.Hosting.Model;

namespace Patterns.Hosting.Local;

/// <summary>Finds the Functions build a local run points every function at, and checks it is there.</summary>
internal static class FunctionsBuild
{
    public const string Bootstrap = "bootstrap";

    /// <returns>The absolute build directory; null when the model has no functions.</returns>
    public static string? Resolve(AppModel model, LocalAppOptions options)
    {
        if (!model.Functions.Any())
            return null;
        var directory = options.FunctionsDirectory ?? model.FunctionsProject?.BuildDirectory
            ?? throw new InvalidOperationException(
                "The model has functions but does not say where their code is: call UseFunctionsProject(FunctionsProject.FromAssemblyMetadata(typeof(YourAppHost).Assembly)) on the AppModelBuilder, or set LocalAppOptions.FunctionsDirectory.");
        directory = Path.GetFullPath(directory);
        if (!File.Exists(Path.Combine(directory, Bootstrap)))
            throw new InvalidOperationException(
                $"The Functions build has no '{Bootstrap}' executable in {directory}. Build the Functions project: dotnet build Functions");
        return directory;
    }
}
