using Amazon.CDK;
using Amazon.JSII.Runtime;
using Patterns.Hosting.Model;

namespace Patterns.Cdk.Publishing;

/// <summary>
/// The AppHost's <c>publish</c> command: publishes the functions, maps the model to one CDK
/// stack and synthesizes the cloud assembly that <c>npx aws-cdk deploy</c> deploys. cdk/cdk.json
/// runs it, so the CDK CLI's own synth and deploy go through here too.
/// </summary>
public static class PublishCommand
{
    public const string Name = "publish";

    /// <summary>The CDK context key (<c>-c architecture=arm64</c>, or cdk.json's "context") for the functions' architecture.</summary>
    public const string ArchitectureContextKey = "architecture";

    // Set by the CDK CLI when it runs the app: where it expects the cloud assembly.
    private const string CdkOutputVariable = "CDK_OUTDIR";

    private const string DefaultOutput = "cdk.out";

    /// <returns>The process exit code: 0 when synthesized, 1 when publishing or synthesis failed, 2 for a bad command line.</returns>
    public static async Task<int> RunAsync(AppModel model, IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        error ??= Console.Error;

        PublishCommandLine commandLine;
        try
        {
            commandLine = PublishCommandLine.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }
        if (commandLine.Help)
        {
            await output.WriteLineAsync(PublishCommandLine.Usage).ConfigureAwait(false);
            return 0;
        }

        try
        {
            var outdir = Path.GetFullPath(commandLine.Output ?? System.Environment.GetEnvironmentVariable(CdkOutputVariable) ?? DefaultOutput);
            var app = new App(new AppProps { Outdir = outdir });
            var architecture = commandLine.Architecture
                ?? (app.Node.TryGetContext(ArchitectureContextKey) is string fromContext ? PublishCommandLine.ParseArchitecture(fromContext) : FunctionArchitecture.X86_64);
            var code = await FunctionsCodeAsync(model, commandLine, architecture, output, cancellationToken).ConfigureAwait(false);

            var stack = new AppStack(app, commandLine.StackName, model, new CloudOptions(code) { Architecture = architecture });
            app.Synth();
            await output.WriteLineAsync($"Synthesized stack {stack.StackName} ({architecture}) into {outdir}").ConfigureAwait(false);
            await output.WriteLineAsync($"  template  {Path.Combine(outdir, stack.TemplateFile)}").ConfigureAwait(false);
            await output.WriteLineAsync("Deploy it from cdk/: npx aws-cdk deploy (which runs this command again), or npx aws-cdk deploy --app <the folder above>.").ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException or IOException or JsiiError)
        {
            await error.WriteLineAsync($"Could not publish: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<string?> FunctionsCodeAsync(
        AppModel model, PublishCommandLine commandLine, FunctionArchitecture architecture, TextWriter output, CancellationToken cancellationToken)
    {
        if (!model.Functions.Any())
            return null;
        if (commandLine.FunctionsCode is { } given)
        {
            var directory = Path.GetFullPath(given);
            if (!File.Exists(Path.Combine(directory, FunctionsPublisher.Bootstrap)))
                throw new InvalidOperationException(
                    $"--functions-code {directory} has no '{FunctionsPublisher.Bootstrap}' at its root; give a Functions publish folder, or leave the option out to publish now.");
            return directory;
        }

        var project = model.FunctionsProject
            ?? throw new InvalidOperationException(
                "The model has functions but does not say where the Functions project is: call UseFunctionsProject on the AppModelBuilder, or pass --functions-code DIR.");
        return await FunctionsPublisher.PublishAsync(
            project, architecture, FunctionsPublisher.DefaultDirectory(project, architecture), output, cancellationToken).ConfigureAwait(false);
    }
}
