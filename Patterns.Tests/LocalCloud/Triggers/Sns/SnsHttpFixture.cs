using Patterns.LocalCloud;

namespace Patterns.Tests.LocalCloud.Triggers.Sns;

/// <summary>A local cloud whose SNS retries HTTP deliveries after 50 ms instead of 20 s.</summary>
public sealed class SnsHttpFixture : IAsyncLifetime
{
    public LocalCloudHost Cloud { get; private set; } = null!;

    public HttpClient Edge { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cloud = await LocalCloudHost.StartAsync(new LocalCloudOptions
        {
            EdgePort = 0,
            SnsHttpRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)],
            Log = null,
        });
        Edge = new HttpClient { BaseAddress = Cloud.EdgeUrl };
    }

    public async Task DisposeAsync()
    {
        Edge.Dispose();
        await Cloud.DisposeAsync();
    }
}
