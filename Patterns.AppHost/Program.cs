using Patterns.AppHost;
using Patterns.Cdk.Publishing;
using Patterns.Hosting.Local;

return args is [PublishCommand.Name, .. var publishArgs]
    ? await PublishCommand.RunAsync(PatternsApp.Build(), publishArgs)
    : await LocalAppRunner.RunAsync(PatternsApp.Build(), args);
