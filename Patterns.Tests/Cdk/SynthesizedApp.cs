using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Logs;
using Patterns.AppHost;
using Patterns.Cdk;
using Patterns.Tests.Support;

namespace Patterns.Tests.Cdk;

/// <summary>
/// One CDK app synthesized once, into a temporary cloud assembly, for all CDK test classes
/// (synthesis starts the CDK's Node process and takes seconds). Its stacks: the whole app as
/// <c>publish</c> deploys it; each pattern alone (named after its class), so that a pattern's
/// tests see exactly its resources; and <see cref="MappingVariants"/> (arm64, a month's log
/// retention). The functions' code is the test build of Functions: the templates do not
/// depend on what the code is. <see cref="TriggerVariants"/> is a stack of its own too.
/// </summary>
public sealed class SynthesizedApp : IDisposable
{
    public const string AppStackName = "ServerlessPatterns";
    public const string VariantsStackName = "MappingVariants";
    public const string TriggerVariantsStackName = "TriggerVariants";

    public SynthesizedApp()
    {
        OutputDirectory = Directory.CreateTempSubdirectory("patterns-cdk-").FullName;
        try
        {
            Synthesize(OutputDirectory);
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor failed.
            Directory.Delete(OutputDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>The cloud assembly: manifest.json, a template per stack, the staged code.</summary>
    public string OutputDirectory { get; }

    public IReadOnlyList<string> TemplateFiles => Directory.GetFiles(OutputDirectory, "*.template.json");

    public Template Template(string stackName) => Amazon.CDK.Assertions.Template.FromString(File.ReadAllText(TemplatePath(stackName)));

    public Template Template<TPattern>() => Template(typeof(TPattern).Name);

    public TemplateJson Json(string stackName) => TemplateJson.Load(TemplatePath(stackName));

    public TemplateJson Json<TPattern>() => Json(typeof(TPattern).Name);

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);

    private static void Synthesize(string outputDirectory)
    {
        var app = new App(new AppProps { Outdir = outputDirectory });
        var options = new CloudOptions(FunctionsBuild.Directory);
        _ = new AppStack(app, AppStackName, PatternsApp.Build(), options);
        foreach (var pattern in PatternsApp.AllPatterns())
            _ = new AppStack(app, pattern.GetType().Name, PatternsApp.Build(pattern), options);
        _ = new AppStack(app, TriggerVariantsStackName, TriggerVariants.Build(), options);
        _ = new AppStack(app, VariantsStackName, MappingVariants.Build(), options with
        {
            Architecture = FunctionArchitecture.Arm64,
            LogRetention = RetentionDays.ONE_MONTH,
        });
        app.Synth();
    }

    private string TemplatePath(string stackName)
    {
        var path = Path.Combine(OutputDirectory, $"{stackName}.template.json");
        return File.Exists(path) ? path : throw new FileNotFoundException($"No stack {stackName} was synthesized; the assembly has {string.Join(", ", TemplateFiles.Select(Path.GetFileName))}.", path);
    }
}
