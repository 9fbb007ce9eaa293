using System.Net;
using System.Text;
using System.Text.Json;
using Patterns.AppHost;
using Patterns.Hosting.Model;
using Patterns.Hosting.Testing;

namespace Patterns.Tests.Pattern01;

/// <summary>
/// What a client of an API-driven backend sees when the function fails: API Gateway's 502 for a
/// throwing handler or a response it cannot map, while the Invoke API reports the same failure
/// as an Unhandled function error.
/// </summary>
public sealed class FaultyBackendTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        var builder = new AppModelBuilder().UseFunctionsProject(PatternsApp.FunctionsProject);
        var thrower = builder.AddFunction("ThrowingBackend", "Functions::Functions.Diagnostics.Faults::Throw");
        var malformed = builder.AddFunction("MalformedBackend", "Functions::Functions.Diagnostics.Faults::MalformedProxyResponse");
        builder.AddRestApi("FaultyAPI", stage: "dev")
            .WithRoute("GET", "/throws", thrower)
            .WithRoute("GET", "/malformed", malformed);
        _app = await TestApp.StartAsync(builder.Build());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("throws")]
    [InlineData("malformed")]
    public async Task A_failing_function_is_a_502_Internal_server_error(string path)
    {
        using var api = _app.CreateHttpClient("FaultyAPI");
        using var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("Internal server error", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_same_throwing_function_invoked_directly_is_an_Unhandled_error()
    {
        var result = await _app.Lambda.InvokeAsync(new global::Patterns.AwsClients.Lambda.InvokeRequest("ThrowingBackend") { Payload = Encoding.UTF8.GetBytes("""{"message":"backend down"}""") });

        Assert.Equal("Unhandled", result.FunctionError);
        var error = JsonDocument.Parse(result.Payload).RootElement;
        Assert.Equal("backend down", error.GetProperty("errorMessage").GetString());
        // The handler's own exception, not a reflection wrapper around it.
        Assert.Equal("System.InvalidOperationException", error.GetProperty("errorType").GetString());
    }
}
