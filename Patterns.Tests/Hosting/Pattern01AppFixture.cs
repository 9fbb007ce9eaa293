using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Hosting.Testing;

namespace Patterns.Tests.Hosting;

/// <summary>Pattern 1's model started once for a test class.</summary>
public sealed class Pattern01AppFixture : IAsyncLifetime
{
    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(PatternsApp.Build(new Pattern01ApiBackend()));

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
