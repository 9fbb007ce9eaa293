using Patterns.Hosting.Model;

namespace Patterns.AppHost;

/// <summary>The whole app: every pattern of Patterns/ declared on one model, the model Program.cs runs and tests start.</summary>
public static class PatternsApp
{
    /// <summary>Where the Functions project and its build output are, as this project recorded them at build time.</summary>
    public static FunctionsProject FunctionsProject => FunctionsProject.FromAssemblyMetadata(typeof(PatternsApp).Assembly);

    /// <summary>Every pattern, in the order of their names (Pattern01…, Pattern02…).</summary>
    public static IReadOnlyList<IPattern> AllPatterns() =>
        typeof(PatternsApp).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPattern).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (IPattern)Activator.CreateInstance(t)!)
            .ToList();

    /// <summary>The model of the whole app.</summary>
    public static AppModel Build() => Build([.. AllPatterns()]);

    /// <summary>A model of only the given patterns (a test that needs one pattern starts less).</summary>
    public static AppModel Build(params IPattern[] patterns)
    {
        var app = new AppModelBuilder().UseFunctionsProject(FunctionsProject);
        foreach (var pattern in patterns)
            pattern.Declare(app);
        return app.Build();
    }
}
