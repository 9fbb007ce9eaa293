using Patterns.AppHost;
using Patterns.Hosting.Local;

return await LocalAppRunner.RunAsync(PatternsApp.Build(), args);
