using Patterns.AppHost;
using Patterns.Hosting.Testing;
using Patterns.LocalCloud;

namespace Patterns.Tests.Support;

/// <summary>A model of some patterns started once for a test class; subclasses name the patterns.</summary>
public abstract class PatternAppFixture : IAsyncLifetime
{
    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    /// <summary>Every message of a function's log group, oldest first.</summary>
    public async Task<List<string>> LogAsync(string function)
    {
        // What the log says of invocations that have answered, not of those whose batch is still on its way.
        await App.LocalCloud.FlushLogsAsync();
        using var edge = new HttpClient { BaseAddress = App.EdgeUrl };
        return await CloudWatchLogs.MessagesAsync(edge, $"/aws/lambda/{function}");
    }

    /// <summary>Waits until the function's log holds what <paramref name="done"/> wants.</summary>
    public Task<List<string>> LogUntilAsync(string function, Func<List<string>, bool> done, string what, int seconds = 20) =>
        Poll.UntilAsync(() => LogAsync(function), done, TimeSpan.FromSeconds(seconds), what);

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(PatternsApp.Build([.. Patterns()]), new TestAppOptions
        {
            WithDashboard = WithDashboard,
            LocalCloud = new LocalCloudOptions { Log = null, AsyncRetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)] },
        });

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    protected abstract IEnumerable<IPattern> Patterns();

    protected virtual bool WithDashboard => false;
}
