using Patterns.AppHost;
using Patterns.Cdk.Publishing;
using Patterns.Hosting.Local;

if (args is [PublishCommand.Name, .. var publishArgs])
    return await PublishCommand.RunAsync(PatternsApp.Build(), publishArgs);

IReadOnlyList<IPattern> patterns;
string[] runArgs;
try
{
    (patterns, runArgs) = PatternSelection.Take(args, PatternsApp.AllPatterns());
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

var exitCode = await LocalAppRunner.RunAsync(PatternsApp.Build([.. patterns]), runArgs);
if (runArgs.Any(arg => arg is "--help" or "-h" or "-?"))
    Console.WriteLine(Environment.NewLine + PatternSelection.Usage);
return exitCode;
