using System.Net;
using Patterns.AppHost;
using Patterns.AppHost.Patterns;
using Patterns.Hosting.Testing;
using Patterns.Tests.Support;

namespace Patterns.Tests.Hosting;

/// <summary>A local run with its dashboard: the model's resources and edges, live instance counts, the functions' console lines.</summary>
public sealed class DashboardWiringTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(PatternsApp.Build(new Pattern01ApiBackend()), new TestAppOptions { WithDashboard = true });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_dashboard_shows_the_running_model_and_what_its_functions_write()
    {
        using var dashboard = new HttpClient { BaseAddress = _app.DashboardUrl };
        using var api = _app.CreateHttpClient("ProductsAPI");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("products")).StatusCode);

        var resources = await dashboard.GetStringAsync("resources");
        Assert.Contains("HelloServerless", resources);
        Assert.Contains("ProductsAPI", resources);
        Assert.Contains("TABLE_NAME", resources);
        Assert.Contains(WebUtility.HtmlEncode(_app.Resources.RestApi("ProductsAPI").InvokeUrl.ToString()), resources);
        Assert.Contains("GET /products", resources);

        var console = await Poll.UntilAsync(() => dashboard.GetStringAsync("console?resource=HelloServerless"),
            page => page.Contains("Listed 0 products", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the function's line on the console page");
        Assert.Contains("Listed 0 products", console);
    }
}
